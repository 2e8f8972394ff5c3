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
