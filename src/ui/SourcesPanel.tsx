import { monthInWords } from '../core/ingest/dates';
import type { RejectReason } from '../core/ingest/rejects';
import { REJECT_REASONS } from '../core/ingest/rejects';
import { groupSources, groupTotals, type SourceGroup } from '../state/sourceGroups';
import { useAppStore } from '../state/store';
import { loadCounts } from '../state/sourcesSlice';
import { SOURCE_KIND_WORDS } from '../core/provenance';
import { downloadFile, fileSafe } from './download';
import { formatInteger } from './format';

const months = (min: number | null, max: number | null): string => (min !== null && max !== null ? ` · ${monthInWords(min)} – ${monthInWords(max)}` : '');

/** One card per file, or per series of monthly files of one layout (see sourceGroups). */
function SourceCard({ group }: { group: SourceGroup }) {
  const removeSources = useAppStore((state) => state.removeSources);
  const downloadRejected = useAppStore((state) => state.downloadRejected);
  const hiddenSources = useAppStore((state) => state.view.hiddenSources);
  const setView = useAppStore((state) => state.setView);
  const ids = group.sources.map((s) => s.id);
  const hidden = ids.every((id) => hiddenSources.includes(id));
  const several = group.sources.length > 1;
  const first = group.sources[0];
  const title = several ? `${group.label} (${group.sources.length} files)` : first.name;
  const totals = groupTotals(group.sources);
  const reasons = Object.entries(totals.rejectCounts) as [RejectReason, number][];
  return (
    <li className="source-card" data-files={group.sources.length}>
      <div className="source-head">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={!hidden}
            onChange={() => setView({ hiddenSources: hidden ? hiddenSources.filter((id) => !ids.includes(id)) : [...hiddenSources.filter((id) => !ids.includes(id)), ...ids] })}
          />
          <span className="source-name" title={title}>{title}</span>
        </label>
        <button type="button" className="icon" aria-label={`Remove ${title}`} onClick={() => void removeSources(ids)}>
          ×
        </button>
      </div>
      <div className="muted">
        {SOURCE_KIND_WORDS[first.kind].label}
        {months(totals.monthMin, totals.monthMax)}
        {first.h3Resolution !== null && ` · H3 res ${first.h3Resolution}`}
      </div>
      <div role="status" className="source-status">{loadCounts(totals)}</div>
      {reasons.length > 0 && (
        <ul className="reasons">
          {reasons.map(([reason, count]) => (
            <li key={reason}>
              {REJECT_REASONS[reason]}: {formatInteger(count)}
            </li>
          ))}
        </ul>
      )}
      {totals.repeatedIds > 0 && <div className="muted">{formatInteger(totals.repeatedIds)} rows repeat an earlier Crime ID with other details (kept).</div>}
      {totals.rejected > 0 && (
        <button
          type="button"
          className="link"
          onClick={async () => downloadFile(await downloadRejected(ids), `${fileSafe((several ? group.label : first.name).replace(/\.[^.]+$/, ''))}${several ? `-${group.sources.length}-files` : ''}-rejected-rows.csv`, 'text/csv')}
        >
          Download rejected rows
        </button>
      )}
      {several && (
        <details className="source-files">
          <summary className="small">Show the {group.sources.length} files</summary>
          <ul className="small">
            {group.sources.map((source) => (
              <li key={source.id}>
                {source.name}: {loadCounts(source)}
                {months(source.monthMin, source.monthMax)}{' '}
                <button type="button" className="link" aria-label={`Remove ${source.name}`} onClick={() => void removeSources([source.id])}>
                  remove
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}

export function SourcesPanel() {
  const sources = useAppStore((state) => state.sources);
  const groups = groupSources(sources);
  return (
    <details open className="panel">
      <summary>Data sources ({groups.length === sources.length ? sources.length : `${sources.length} files in ${groups.length} group${groups.length === 1 ? '' : 's'}`})</summary>
      {sources.length === 0 ? (
        <p className="muted">No data yet. Load police.uk street-level CSVs or council extracts, or drop them on the page.</p>
      ) : (
        <ul className="sources">
          {groups.map((group) => (
            <SourceCard key={group.key} group={group} />
          ))}
        </ul>
      )}
    </details>
  );
}
