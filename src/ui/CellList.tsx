import { useMemo, useState } from 'react';
import { useClassification } from '../state/classification';
import { shownWeighting } from '../state/resultsSlice';
import { useAppStore } from '../state/store';
import { formatInteger, formatNumber } from './format';

const PAGE_ROWS = 50;
type SortKey = 'value' | 'cell';

/**
 * Every cell of the map as a table, the keyboard's way to reach any cell: sortable, paged, and a
 * row (click, Enter or Space) flies the map there and pins the cell, as clicking the map does.
 */
export function CellList() {
  const hotspots = useAppStore((state) => state.hotspots);
  const weighting = useAppStore(shownWeighting);
  const { focusOn, pinCell } = useAppStore.getState();
  const classification = useClassification();
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'value', descending: true });
  const [page, setPage] = useState(0);
  // Sorted and indexed only while open: for tens of thousands of cells that took tens of milliseconds of every new map.
  const [open, setOpen] = useState(false);
  const rows = useMemo(() => {
    if (!hotspots || !open) return [];
    const { cells, counts, harm } = hotspots.aggregate;
    const values = weighting === 'harm' ? harm : counts;
    const order = Array.from(cells, (_, i) => i);
    order.sort((a, b) => (sort.key === 'value' ? values[a] - values[b] : cells[a].localeCompare(cells[b])) * (sort.descending ? -1 : 1));
    return order.map((i) => ({ cell: cells[i], value: values[i] }));
  }, [hotspots, weighting, sort, open]);
  const classIndex = useMemo(() => new Map(open ? (classification?.cells ?? []).map((cell, i) => [cell, i]) : []), [classification, open]);
  const cellCount = hotspots?.aggregate.cells.length ?? 0;
  if (cellCount === 0) return null;
  const pages = Math.ceil(rows.length / PAGE_ROWS);
  const current = Math.min(page, pages - 1);
  const shown = rows.slice(current * PAGE_ROWS, (current + 1) * PAGE_ROWS);
  const choose = (cell: string) => {
    focusOn(cell);
    void pinCell(cell);
  };
  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="link" onClick={() => setSort({ key, descending: sort.key === key ? !sort.descending : key === 'value' })}>
        {label}
      </button>
    </th>
  );
  return (
    <details className="panel cell-list" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>All {formatInteger(cellCount)} cells (table)</summary>
      {open && (
        <>
          <table className="compact">
            <caption className="visually-hidden">Every cell on the map; choose a row to pin its cell</caption>
            <thead>
              <tr>
                {header('cell', 'H3 cell')}
                {header('value', weighting === 'harm' ? 'Harm' : 'Count')}
                <th scope="col">On the map</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => {
                const index = classIndex.get(row.cell);
                const text = index === undefined || !classification ? 'not in the study area' : classification.tooltip(index).slice(-1)[0];
                return (
                  <tr
                    key={row.cell}
                    tabIndex={0}
                    className="clickable"
                    onClick={() => choose(row.cell)}
                    onKeyDown={(event) => {
                      if (event.key === 'Enter' || event.key === ' ') {
                        event.preventDefault();
                        choose(row.cell);
                      }
                    }}
                  >
                    <td className="mono">{row.cell}</td>
                    <td className="num">{weighting === 'harm' ? formatNumber(row.value) : formatInteger(row.value)}</td>
                    <td>{text}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {pages > 1 && (
            <div className="row tight">
              <button type="button" className="link" disabled={current === 0} onClick={() => setPage(current - 1)}>
                Previous
              </button>
              <span className="small muted">
                Page {current + 1} of {pages}
              </span>
              <button type="button" className="link" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
                Next
              </button>
            </div>
          )}
        </>
      )}
    </details>
  );
}
