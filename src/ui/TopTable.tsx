import { shownWeighting } from '../state/resultsSlice';
import { useAppStore } from '../state/store';
import { ColumnHeads } from './controls';
import { formatInteger, formatNumber, formatPercent } from './format';

/** The N highest cells; a row click (or Enter) flies the map there and pins the cell. */
export function TopTable() {
  const hotspots = useAppStore((state) => state.hotspots);
  const weighting = useAppStore(shownWeighting);
  const focusOn = useAppStore((state) => state.focusOn);
  const pinCell = useAppStore((state) => state.pinCell);
  if (!hotspots || hotspots.top.length === 0) return null;
  const top = hotspots.top;
  const last = top[top.length - 1];
  return (
    <section className="panel top-table" aria-label="Top hotspots">
      <h2>Top {top.length} hotspots</h2>
      <p className="muted small" data-testid="result-summary">
        {formatInteger(hotspots.aggregate.cells.length)} cells · {formatInteger(hotspots.aggregate.totalCount)} incidents · computed in{' '}
        <span data-testid="compute-ms">{Math.round(hotspots.elapsedMs)}</span> ms
      </p>
      <p className="muted small">
        The top {top.length} cells hold {formatPercent(last.cumulativeShare)} of {weighting === 'harm' ? 'the harm' : 'incidents'} shown.
      </p>
      <table className="compact">
        <ColumnHeads text={['#', 'Location']} numbers={[weighting === 'harm' ? 'Harm' : 'Count', 'Cum.']} />
        <tbody>
          {top.map((row) => (
            <tr
              key={row.cell}
              tabIndex={0}
              className="clickable"
              onClick={() => {
                focusOn(row.cell);
                void pinCell(row.cell);
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  focusOn(row.cell);
                  void pinCell(row.cell);
                }
              }}
            >
              <td>{row.rank}</td>
              <td title={row.topCategory}>{row.topLocation || row.cell}</td>
              <td className="num">{weighting === 'harm' ? formatNumber(row.value) : formatInteger(row.value)}</td>
              <td className="num">{formatPercent(row.cumulativeShare)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
