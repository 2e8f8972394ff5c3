import type { SourceSummary } from '../core/dataset';

/**
 * police.uk is downloaded one file per force per month (`2023-01-metropolitan-street.csv`): files
 * of one layout from one force are shown as one group. Each file stays a source of its own (stored,
 * restored and removable individually); grouping is only how they are listed.
 */
export interface SourceGroup {
  key: string;
  /** "metropolitan-street.csv" for a monthly series, else the file name. */
  label: string;
  sources: SourceSummary[];
}

const MONTHLY_NAME = /^\d{4}-\d{2}-(.+)$/;

function groupKey(source: SourceSummary): { key: string; label: string } {
  const monthly = MONTHLY_NAME.exec(source.name);
  // Same series name, same kind of file and the same column mapping = the same layout from the same force.
  if (monthly) return { key: `${source.kind}|${monthly[1]}|${JSON.stringify(source.mapping)}`, label: monthly[1] };
  return { key: `source:${source.id}`, label: source.name };
}

/** Sources grouped by series, in the order their first file was loaded; files in a group by name (= by month). */
export function groupSources(sources: readonly SourceSummary[]): SourceGroup[] {
  const groups = new Map<string, SourceGroup>();
  for (const source of sources) {
    const { key, label } = groupKey(source);
    const group = groups.get(key);
    if (group) group.sources.push(source);
    else groups.set(key, { key, label, sources: [source] });
  }
  for (const group of groups.values()) group.sources.sort((a, b) => a.name.localeCompare(b.name));
  return [...groups.values()];
}

export interface GroupTotals {
  rowsRead: number;
  accepted: number;
  rejected: number;
  repeatedIds: number;
  bytes: number;
  rejectCounts: Record<string, number>;
  monthMin: number | null;
  monthMax: number | null;
}

/** A group's figures: sums of its files' counts, and the months they span. */
export function groupTotals(sources: readonly SourceSummary[]): GroupTotals {
  const totals: GroupTotals = { rowsRead: 0, accepted: 0, rejected: 0, repeatedIds: 0, bytes: 0, rejectCounts: {}, monthMin: null, monthMax: null };
  for (const s of sources) {
    totals.rowsRead += s.rowsRead;
    totals.accepted += s.accepted;
    totals.rejected += s.rejected;
    totals.repeatedIds += s.repeatedIds;
    totals.bytes += s.bytes;
    for (const [reason, count] of Object.entries(s.rejectCounts)) totals.rejectCounts[reason] = (totals.rejectCounts[reason] ?? 0) + count;
    if (s.monthMin !== null) totals.monthMin = totals.monthMin === null ? s.monthMin : Math.min(totals.monthMin, s.monthMin);
    if (s.monthMax !== null) totals.monthMax = totals.monthMax === null ? s.monthMax : Math.max(totals.monthMax, s.monthMax);
  }
  return totals;
}
