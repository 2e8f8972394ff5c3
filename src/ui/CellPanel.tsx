import { monthInWords } from '../core/ingest/dates';
import { useAppStore } from '../state/store';
import { formatInteger } from './format';
import { LabelCountTable } from './controls';
import { Sparkline } from './Sparkline';

/** The pinned cell: counts by category, top locations, monthly line, and its H3 index to copy. */
export function CellPanel() {
  const pinned = useAppStore((state) => state.pinnedCell);
  const breakdown = useAppStore((state) => state.breakdown);
  const pinCell = useAppStore((state) => state.pinCell);
  const notify = useAppStore((state) => state.notify);
  if (!pinned) return <p className="muted hint">Click a hexagon to pin its details here.</p>;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(pinned);
      notify('info', `Copied ${pinned}`);
    } catch {
      notify('error', 'The clipboard is not available here; select the index and copy it.');
    }
  };
  return (
    <section className="panel cell-panel" aria-label="Pinned cell">
      <div className="row spread">
        <h2>Cell details</h2>
        <button type="button" className="icon" aria-label="Unpin cell" onClick={() => void pinCell(null)}>
          ×
        </button>
      </div>
      <div className="row tight">
        <code className="h3-index">{pinned}</code>
        <button type="button" className="link" onClick={() => void copy()}>
          Copy H3 index
        </button>
      </div>
      {breakdown && breakdown.cell === pinned ? (
        <>
          <p>
            <strong>{formatInteger(breakdown.total)}</strong> incidents in the current filter
          </p>
          <Sparkline
            values={breakdown.monthCounts}
            label={`Monthly incidents from ${monthInWords(breakdown.monthFrom)}: ${breakdown.monthCounts.join(', ')}`}
          />
          <h3>By category</h3>
          <LabelCountTable rows={breakdown.byCategory} />
          <h3>Top locations</h3>
          <LabelCountTable rows={breakdown.topLocations} />
        </>
      ) : (
        <p className="muted">Counting…</p>
      )}
    </section>
  );
}
