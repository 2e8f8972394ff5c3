import { unpackCategories, type Dataset, type IncidentColumns, type IncidentSource, type SourceSummary } from '../dataset';
import type { StringInterner } from './columns';
import { fingerprintOf } from './contentHash';
import { duplicatesInOrder } from './duplicateLines';
import { partRecords, type ParsedPart, type PartDictionaries } from './filePart';
import type { ByteSource } from './ingestFile';
import { lineNumberOf, RejectLog } from './rejects';

/**
 * Joins the parts of one file, read on their own (see readPart), into the source one reader would
 * have built: ids are remapped into the dataset's tables in file order (so they are the same
 * ids), line numbers run on, and rows with an ID are checked again in file order, since a line may
 * repeat one of an earlier part. Returns null when a cut fell inside a record (a quoted field
 * holding a line break): such a file is read whole instead.
 */
export async function mergeParts(dataset: Dataset, file: ByteSource, parts: readonly ParsedPart[], remaps = new Map<string, PartRemap>()): Promise<IncidentSource | null> {
  if (parts.slice(0, -1).some((part) => !part.endsOnRecord)) return null;
  const { layout, header } = parts[0].layout;
  const repeats = parts.length > 1 ? repeatsAcrossParts(parts) : { dropped: parts.map(() => new Map<number, number>()), repeatedIds: parts[0].repeatedIds };
  const rejects = new RejectLog(header);
  const accepted = parts.reduce((total, part, k) => total + part.columns.point.length - repeats.dropped[k].size, 0);
  const first = parts[0].columns;
  const make = <T extends Uint32Array | Uint16Array | Int16Array | Int8Array | Float32Array>(column: T | null): T | null => (column ? (new (column.constructor as new (n: number) => T)(accepted)) : null);
  const columns: IncidentColumns = {
    point: make(first.point)!,
    monthIndex: make(first.monthIndex)!,
    minuteOfDay: make(first.minuteOfDay)!,
    weekday: make(first.weekday)!,
    category: make(first.category)!,
    location: make(first.location)!,
    lsoa: make(first.lsoa),
    weight: make(first.weight),
    day: make(first.day),
    key: make(first.key),
    reference: make(first.reference),
  };
  const categoryCounts: number[] = [];
  let at = 0;
  let lineOffset = 0;
  let droppedIncidents = 0;
  for (const [k, part] of parts.entries()) {
    const { tables } = part.dictionaries;
    const maps = (tables && remaps.get(tables)) || new PartRemap();
    if (tables) remaps.set(tables, maps);
    maps.extend(dataset, part.dictionaries);
    part.categoryCounts.forEach((count, local) => (categoryCounts[maps.category[local]] = (categoryCounts[maps.category[local]] ?? 0) + count));
    const dropped = repeats.dropped[k];
    const rows = part.columns.point.length;
    const from = part.columns;
    // Kept rows are copied run by run between the few dropped ones, a column at a time.
    let start = 0;
    for (const end of [...[...dropped.keys()].sort((a, b) => a - b), rows]) {
      copyRows(columns, at, from, maps, start, end);
      at += end - start;
      start = end + 1;
      if (end === rows) break;
      categoryCounts[maps.category[from.category[end]]]--;
      droppedIncidents += from.weight ? from.weight[end] : 1;
    }
    rejects.addPart(part.rejects);
    await mergeRejectLines(rejects, file, part, dropped, lineOffset);
    lineOffset += part.records;
  }
  const summary: SourceSummary = {
    id: dataset.allocateSourceId(),
    name: file.name,
    kind: layout.kind,
    bytes: file.size,
    fingerprint: fingerprintOf(parts.map((part) => part.blockHashes), file.size),
    rowsRead: parts.reduce((total, part) => total + part.rowsRead, 0),
    accepted,
    rejected: rejects.total,
    rejectCounts: { ...rejects.counts },
    repeatedIds: repeats.repeatedIds,
    monthMin: extreme(parts.map((part) => part.monthMin), Math.min),
    monthMax: extreme(parts.map((part) => part.monthMax), Math.max),
    categoryCounts: Uint32Array.from({ length: dataset.categories.list.length }, (_, id) => categoryCounts[id] ?? 0),
    hasTimes: parts.some((part) => part.hasTimes),
    incidents: parts.reduce((total, part) => total + part.incidents, 0) - droppedIncidents,
    h3Resolution: parts.find((part) => part.h3Resolution !== null)?.h3Resolution ?? null,
    mapping: layout.kind === 'mapped' ? layout.mapping : null,
  };
  return { summary, columns, rejects };
}

/** Rows start…end of a part's columns into the merged ones from row `at`, with the part's ids remapped to the dataset's. */
function copyRows(to: IncidentColumns, at: number, from: IncidentColumns, maps: PartRemap, start: number, end: number): void {
  const remap = (into: Uint32Array | null, ids: Uint32Array | null, map: readonly number[]) => {
    if (into && ids) for (let row = start; row < end; row++) into[at + row - start] = map[ids[row]];
  };
  remap(to.point, from.point, maps.point);
  remap(to.category, from.category, maps.category);
  remap(to.location, from.location, maps.location);
  remap(to.lsoa, from.lsoa, maps.lsoa);
  remap(to.key, from.key, maps.key);
  remap(to.reference, from.reference, maps.reference);
  const copy = <T extends Uint16Array | Int16Array | Int8Array | Float32Array>(into: T | null, values: T | null) => {
    if (into && values) into.set(values.subarray(start, end), at);
  };
  copy(to.monthIndex, from.monthIndex);
  copy(to.minuteOfDay, from.minuteOfDay);
  copy(to.weekday, from.weekday);
  copy(to.weight, from.weight);
  copy(to.day, from.day);
}

/**
 * The kept rows with an ID, checked again in file order: a row that repeats a line of an earlier
 * part is a duplicate after all (by part, its row and line number), and repeated IDs are counted
 * over the whole file.
 */
function repeatsAcrossParts(parts: readonly ParsedPart[]): { dropped: Map<number, number>[]; repeatedIds: number } {
  const { duplicates, repeatedIds } = duplicatesInOrder(parts.map((part) => part.ids));
  const dropped = parts.map(({ ids }, k) => new Map(duplicates[k].map((i) => [ids.row[i], ids.lineNumber[i]])));
  return { dropped, repeatedIds };
}

/**
 * The part's rejected lines and its rows found to repeat an earlier line, in line order: their
 * fields as the part noted them (maybeRepeats), or read again (a line repeating another part's).
 */
async function mergeRejectLines(rejects: RejectLog, file: ByteSource, part: ParsedPart, dropped: ReadonlyMap<number, number>, lineOffset: number): Promise<void> {
  const repeatLines = [...dropped.values()].sort((a, b) => a - b);
  const unnoted = new Set(repeatLines.filter((line) => !part.maybeRepeats.has(line)));
  const fields = unnoted.size > 0 ? await partRecords(file, part, unnoted) : new Map<number, string[]>();
  for (const line of repeatLines) if (!fields.has(line) && part.maybeRepeats.has(line)) fields.set(line, part.maybeRepeats.get(line)!);
  let next = 0;
  const addRepeatsBefore = (line: number) => {
    for (; next < repeatLines.length && repeatLines[next] < line; next++) rejects.add('duplicate', fields.get(repeatLines[next]) ?? [], repeatLines[next] + lineOffset);
  };
  for (const line of part.rejects.lines) {
    addRepeatsBefore(lineNumberOf(line));
    rejects.keepPartLine(line, lineOffset);
  }
  addRepeatsBefore(Infinity);
}

/**
 * Local id → dataset id for each table of a parse worker's own dataset, extended as its parts are
 * merged (in the order the worker read them), adding what is new to the dataset in file order.
 */
export class PartRemap {
  readonly point: number[] = [];
  readonly category: number[] = [];
  // Id 0 is the empty text in every interner.
  readonly location = [0];
  readonly lsoa = [0];
  readonly key = [0];
  readonly reference = [0];

  extend(dataset: Dataset, added: PartDictionaries): void {
    const { from } = added;
    const known = [this.point.length === from.points, this.category.length === from.categories, this.location.length === from.locations, this.lsoa.length === from.lsoaNames, this.key.length === from.keys, this.reference.length === from.references];
    if (known.includes(false)) throw new Error('A part arrived out of order: its tables do not follow the ones merged before it.');
    const { lat, lng } = added;
    for (let i = 0; i < lat.length; i++) this.point.push(dataset.points.idAt(lat[i], lng[i]));
    for (const [local, cell] of added.nativeCells) dataset.nativeCells.set(this.point[local], cell);
    for (const category of unpackCategories(added.categories)) this.category.push(dataset.categories.idOf(category.family, category.name));
    const intern = (values: readonly string[], into: StringInterner, ids: number[]) => {
      for (const value of values) ids.push(into.intern(value));
    };
    intern(added.locations, dataset.locations, this.location);
    intern(added.lsoaNames, dataset.lsoaNames, this.lsoa);
    intern(added.keys, dataset.keys, this.key);
    intern(added.references, dataset.references, this.reference);
  }
}

function extreme(values: readonly (number | null)[], pick: (a: number, b: number) => number): number | null {
  const known = values.filter((value): value is number => value !== null);
  return known.length > 0 ? known.reduce((a, b) => pick(a, b)) : null;
}
