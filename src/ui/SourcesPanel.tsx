import type { SourceSummary } from '../core/dataset';
import { REJECT_REASONS, type RejectReason } from '../core/ingest/rejects';
import { useAppStore } from '../state/store';
import { loadCounts } from '../state/sourcesSlice';
import { SOURCE_KIND_LABEL } from './BriefingPanel';
import { downloadFile, fileSafe } from './download';
import { formatInteger, formatMonth } from './format';


function SourceCard({ source }: { source: SourceSummary }) {
  const removeSource = useAppStore((state) => state.removeSource);
  const downloadRejected = useAppStore((state) => state.downloadRejected);
  const hidden = useAppStore((state) => state.view.hiddenSources.includes(source.id));
  const hiddenSources = useAppStore((state) => state.view.hiddenSources);
  const setView = useAppStore((state) => state.setView);
  const reasons = Object.entries(source.rejectCounts) as [RejectReason, number][];
  return (
    <li className="source-card">
      <div className="source-head">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={!hidden}
            onChange={() => setView({ hiddenSources: hidden ? hiddenSources.filter((id) => id !== source.id) : [...hiddenSources, source.id] })}
          />
          <span className="source-name" title={source.name}>{source.name}</span>
        </label>
        <button type="button" className="icon" aria-label={`Remove ${source.name}`} onClick={() => void removeSource(source.id)}>
          ×
        </button>
      </div>
      <div className="muted">
        {SOURCE_KIND_LABEL[source.kind]}
        {source.monthMin !== null && source.monthMax !== null && ` · ${formatMonth(source.monthMin)} – ${formatMonth(source.monthMax)}`}
        {source.h3Resolution !== null && ` · H3 res ${source.h3Resolution}`}
      </div>
      <div role="status" className="source-status">{loadCounts(source)}</div>
      {reasons.length > 0 && (
        <ul className="reasons">
          {reasons.map(([reason, count]) => (
            <li key={reason}>
              {REJECT_REASONS[reason]}: {formatInteger(count)}
            </li>
          ))}
        </ul>
      )}
      {source.repeatedIds > 0 && <div className="muted">{formatInteger(source.repeatedIds)} rows repeat an earlier Crime ID with other details (kept).</div>}
      {source.rejected > 0 && (
        <button
          type="button"
          className="link"
          onClick={async () => downloadFile(await downloadRejected(source.id), `${fileSafe(source.name.replace(/\.[^.]+$/, ''))}-rejected-rows.csv`, 'text/csv')}
        >
          Download rejected rows
        </button>
      )}
    </li>
  );
}

export function SourcesPanel() {
  const sources = useAppStore((state) => state.sources);
  return (
    <details open className="panel">
      <summary>Data sources ({sources.length})</summary>
      {sources.length === 0 ? (
        <p className="muted">No data yet. Load police.uk street-level CSVs or council extracts, or drop them on the page.</p>
      ) : (
        <ul className="sources">
          {sources.map((source) => (
            <SourceCard key={source.id} source={source} />
          ))}
        </ul>
      )}
    </details>
  );
}
