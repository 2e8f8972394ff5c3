/**
 * Which property (or column) names a feature and which identifies it. Real files name things in
 * many ways: `NAME`, `WD22NM`, `lsoa21nm`, `LAD22NM`, `Site name`; `camera_id`, `cam_number`,
 * `Camera ID`. One rule for every reader: the earliest pattern tier that matches wins; within a
 * tier the field with the most distinct values (so an LSOA file is named by `lsoa21nm`, not by
 * the borough's `lad22nm`, which is the same on every row).
 */
export type FieldRole = 'name' | 'id';

const PATTERNS: Record<FieldRole, RegExp[]> = {
  name: [/^name$/i, /^[a-z]+\d*nm$/i, /[_ ]?name$/i, /name/i, /^(title|label)$/i, /^(site|location|place|address)$/i, /^description$/i],
  id: [/^(cctv|cam|camera)[ _-]?(id|no|num|number|ref|reference|code)$/i, /^id$/i, /^(fid|objectid)$/i, /[_ ](id|ref|no|number|num|code)$/i, /^(ref|reference|code)$/i, /^[a-z]+\d*cd$/i],
};

const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '');

/** Property names holding text or numbers, in the order first seen. */
export function fieldsOf(records: readonly Record<string, unknown>[]): string[] {
  const seen = new Set<string>();
  for (const record of records) for (const [key, value] of Object.entries(record)) if (text(value) !== '') seen.add(key);
  return [...seen];
}

export function fieldText(record: Record<string, unknown>, field: string | null | undefined): string {
  return field ? text(record[field]) : '';
}

/** The field playing `role`, or null when none looks like it. `exclude` keeps a field from serving twice. */
export function chooseField(records: readonly Record<string, unknown>[], role: FieldRole, exclude: readonly (string | null)[] = []): string | null {
  const fields = fieldsOf(records).filter((f) => !exclude.includes(f));
  const values = (field: string) => records.map((r) => text(r[field])).filter(Boolean);
  for (const pattern of PATTERNS[role]) {
    const matching = fields.filter((f) => pattern.test(f.trim())).map((field) => ({ filled: values(field).length, count: new Set(values(field)).size, field }));
    // A field with one value over many records names the file (the borough), not each feature.
    const varied = matching.filter((m) => m.count > 1 || m.filled <= 1);
    const best = varied.sort((a, b) => b.count - a.count)[0];
    if (best) return best.field;
  }
  return null;
}
