import type { SourceKind, SourceSummary } from './dataset';
import { monthInWords } from './ingest/dates';

/**
 * The app's own synthetic sample must never pass for real data. What is synthetic is decided by
 * where it came from (the sample the app ships), never by a file name; anything synthetic still
 * present labels every export with this note.
 */
export interface SyntheticParts {
  sources: number;
  zones: number;
  cameras: number;
}

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** The note every export carries while synthetic data is present; null when there is none. */
export function syntheticNote(parts: SyntheticParts): string | null {
  const present = [
    parts.sources > 0 && plural(parts.sources, 'sample data source'),
    parts.zones > 0 && plural(parts.zones, 'sample zone'),
    parts.cameras > 0 && plural(parts.cameras, 'sample camera'),
  ].filter((part): part is string => Boolean(part));
  if (present.length === 0) return null;
  return `SYNTHETIC SAMPLE DATA, invented for illustration, is included (${present.join(', ')}): not real incidents.`;
}

/** Export records with the note as a last column, so every row of a CSV (and every GeoJSON feature) says it. */
export function withDataNote<T extends Record<string, unknown>>(records: readonly T[], note: string | null): (T & { data_note?: string })[] {
  return note === null ? [...records] : records.map((record) => ({ ...record, data_note: note }));
}

/** Each kind of source in words, with the terms its data comes under, for source lists and briefings. */
export const SOURCE_KIND_WORDS: Readonly<Record<SourceKind, { label: string; licence: string }>> = {
  'police.uk': { label: 'police.uk street-level', licence: 'police.uk data: Open Government Licence v3.0' },
  mapped: { label: 'Council extract', licence: 'Council data: internal, personal data' },
  h3: { label: 'Pre-aggregated H3', licence: 'Pre-aggregated counts' },
};

export interface SourceRecord {
  name: string;
  kind: string;
  rows: number;
  rejected: number;
  months: string;
  licence: string;
}

/** The loaded sources as a report lists them; the app's own sample is named synthetic by where it came from, never by its file name. */
export function sourceRecords(sources: readonly SourceSummary[], sampleFingerprints: ReadonlySet<string>): SourceRecord[] {
  return sources.map((s) => ({
    name: s.name,
    kind: SOURCE_KIND_WORDS[s.kind].label,
    rows: s.accepted,
    rejected: s.rejected,
    months: s.monthMin !== null && s.monthMax !== null ? `${monthInWords(s.monthMin)} - ${monthInWords(s.monthMax)}` : '',
    licence: sampleFingerprints.has(s.fingerprint) ? 'Synthetic sample data' : SOURCE_KIND_WORDS[s.kind].licence,
  }));
}
