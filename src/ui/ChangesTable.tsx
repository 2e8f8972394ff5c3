import { useMemo } from 'react';
import { biggestChanges } from '../core/hotspots/periodChange';
import { shownMethod } from '../state/resultsSlice';
import { useAppStore } from '../state/store';
import { formatNumber } from './format';

/** Where the problem grew and shrank most between the two periods; a row flies the map there. */
export function ChangesTable() {
  const change = useAppStore((state) => (shownMethod(state) === 'change' ? state.hotspots?.change : undefined));
  const focusOn = useAppStore((state) => state.focusOn);
  const pinCell = useAppStore((state) => state.pinCell);
  const lists = useMemo(() => (change ? biggestChanges(change, 8) : null), [change]);
  if (!change || !lists) return null;
  const row = (i: number) => (
    <tr
      key={change.cells[i]}
      tabIndex={0}
      className="clickable"
      onClick={() => {
        focusOn(change.cells[i]);
        void pinCell(change.cells[i]);
      }}
      onKeyDown={(e) => e.key === 'Enter' && (focusOn(change.cells[i]), void pinCell(change.cells[i]))}
    >
      <td><code>{change.cells[i]}</code></td>
      <td className="num">
        {formatNumber(change.earlier[i])} → {formatNumber(change.later[i])}
      </td>
      <td className="num">{Number.isNaN(change.changePct[i]) ? '–' : `${change.changePct[i] > 0 ? '+' : ''}${formatNumber(change.changePct[i])}%`}</td>
      <td className="change-class">{change.significance[i] === 'no significant change' ? 'n.s.' : 'sig.'}</td>
    </tr>
  );
  const rises = change.significance.filter((c) => c === 'significant rise').length;
  const falls = change.significance.filter((c) => c === 'significant fall').length;
  return (
    <section className="panel changes-table" aria-label="Biggest changes">
      <p className="small change-summary">
        {rises} significant rise{rises === 1 ? '' : 's'}, {falls} significant fall{falls === 1 ? '' : 's'}; every other cell: no significant change. Exact test per cell of its incident counts given their total and the periods&apos; lengths (binomial, 5%). A cell needs at least{' '}
        {change.minTotalForSignificance} incidents over both periods before any change can test significant. In the lists: sig. = significant, n.s. = not significant.
      </p>
      <h2>Biggest rises</h2>
      <table className="compact">
        <tbody>{lists.rises.map(row)}</tbody>
      </table>
      <h2>Biggest falls</h2>
      <table className="compact">
        <tbody>{lists.falls.map(row)}</tbody>
      </table>
    </section>
  );
}
