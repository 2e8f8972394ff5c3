import { Dataset, packCategories, type IncidentColumns, type PackedCategories } from '../dataset';
import { CoreError } from '../errors';
import { BLOCK_BYTES, ContentHasher } from './contentHash';
import { CsvRecordReader, isBroken, type ReadRecord } from './csvRecords';
import { PoliceLineFeed, PoliceLines } from './policeLines';
import type { ByteSource, IngestOptions, MappingRequest } from './ingestFile';
import { headerOf, layoutFor } from './layout';
import type { RejectLog } from './rejects';
import type { RowLayout } from './rowReader';
import type { TextEncodingName } from './sniff';
import { sniffEncoding } from './sniff';
import { SourceBuilder, type IdRows } from './sourceBuilder';

/**
 * One part of a CSV file read on its own, so the parts of a big file (or the files of a batch) can
 * be read at once in several workers and merged (see mergeParts). A part covers the records that
 * start in its byte range: from the first line start at or after `from` to the first at or after
 * `to`, so any cut gives each record to exactly one part. It hashes the 4 MiB blocks that start in
 * its range, so the file's identity is assembled from the parts' block hashes.
 */
export interface PartRange {
  from: number;
  to: number;
}

/** How the file's text is cut and read, from its first line; a part that starts later is given it. */
export interface PartLayout {
  encoding: TextEncodingName;
  delimiter: string;
  header: string[];
  layout: RowLayout;
}

/**
 * A parse worker's own small dataset, which a part's ids point into. Kept from one part to the
 * next of a batch (named, so the merge knows which parts share it), a part sends only what it
 * added: a hundred monthly files of one force then remap each point and place once, not once a file.
 */
export interface PartTables {
  dataset: Dataset;
  /** '' for tables used by one part only. */
  name: string;
}

/** The entries a part added to its tables, from the counts they had before it, to be remapped into the real dataset. */
export interface PartDictionaries {
  tables: string;
  from: { points: number; categories: number; locations: number; lsoaNames: number; keys: number; references: number };
  lat: Float64Array;
  lng: Float64Array;
  categories: PackedCategories;
  locations: string[];
  lsoaNames: string[];
  keys: string[];
  references: string[];
  nativeCells: [number, string][];
}

export interface ParsedPart {
  status: 'parsed';
  layout: PartLayout;
  range: PartRange;
  /** The bytes its records came from: [parseFrom, parseTo). */
  parseFrom: number;
  parseTo: number;
  /** Records read, the header included for the first part: the next part's line numbers start after them. */
  records: number;
  /** The last record ended where the part ends; otherwise the cut fell inside a record (a quoted line break) and the file is read whole. */
  endsOnRecord: boolean;
  rowsRead: number;
  rejects: Pick<RejectLog, 'counts' | 'total' | 'lines'>;
  repeatedIds: number;
  hasTimes: boolean;
  incidents: number;
  h3Resolution: number | null;
  monthMin: number | null;
  monthMax: number | null;
  categoryCounts: Uint32Array;
  columns: IncidentColumns;
  dictionaries: PartDictionaries;
  ids: IdRows;
  /** A cut file's part keeps every row with an ID (the merge finds the duplicates): the fields of those that may repeat an earlier line, by line number. */
  maybeRepeats: Map<number, string[]>;
  /** The hashes of the 4 MiB blocks that start in the part (see ContentHasher). */
  blockHashes: Uint32Array;
}

export type PartResult = ParsedPart | { status: 'needs-mapping'; request: MappingRequest };

const LF = 10;
/** Files are read in slices of this many bytes, never whole. */
export const DEFAULT_CHUNK_BYTES = 4 << 20;

/**
 * Where a part's first chunk starts (the byte before the part, to tell whether a line starts at
 * its first byte) and how long it is: it ends at a multiple of `chunkBytes`, so the chunks after
 * it are aligned with the 4 MiB blocks hashed.
 */
function firstChunk(from: number, chunkBytes: number): { at: number; length: number } {
  const at = Math.max(0, from - 1);
  return { at, length: (Math.floor((at + chunkBytes / 2) / chunkBytes) + 1) * chunkBytes - at };
}

/** Reads the part of `file` in `range`; a part starting after the first line needs `known` (the first line's layout). */
export async function readPart(file: ByteSource, range: PartRange, options: IngestOptions = {}, known?: PartLayout, shared?: PartTables): Promise<PartResult> {
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  const started = performance.now();
  const whole = range.from === 0 && range.to >= file.size;
  const hashFrom = Math.ceil(range.from / BLOCK_BYTES) * BLOCK_BYTES;
  const hashTo = Math.min(file.size, Math.ceil(range.to / BLOCK_BYTES) * BLOCK_BYTES);
  const hasher = new ContentHasher();
  // Only whole files share tables: a part of a cut file may be read again whole (a cut inside a
  // quoted line break), and a table of H3 counts marks its points as whole cells (nativeCells).
  const tablesFor = (rowLayout: RowLayout): PartTables => (shared && whole && rowLayout.kind !== 'h3' ? shared : { dataset: new Dataset(), name: '' });
  let tables = known ? tablesFor(known.layout) : null;
  const before = shared && entryCounts(shared.dataset);
  let layout = known ?? null;
  let decoder = layout && new TextDecoder(layout.encoding);
  let reader = layout && new CsvRecordReader({ delimiter: layout.delimiter, fields: layout.header.length });
  let builder = layout && tables && new SourceBuilder(tables.dataset, layout.layout, layout.header, options.today, { bytes: Math.min(range.to, file.size) - range.from, cut: !whole });
  const counter = { records: 0 };
  /** police.uk lines read from their bytes, once the header says the file is police.uk with commas. */
  let feed: PoliceLineFeed | null = null;
  const feedLines = () => {
    if (!feed && layout && builder && layout.layout.kind === 'police.uk' && layout.delimiter === ',') feed = new PoliceLineFeed(new PoliceLines(builder), reader!, (bytes, stream) => decoder!.decode(bytes, { stream }), consume, counter);
  };
  /** Where this part's records start and end (-1 until found): just after a line feed, or the file's ends. */
  let parseFrom = range.from === 0 ? 0 : -1;
  let parseTo = range.to >= file.size ? file.size : -1;
  let needsMapping = null as MappingRequest | null;
  let encoding: TextEncodingName = known?.encoding ?? 'utf-8';

  const consume = (read: ReadRecord[]): void => {
    let start = 0;
    if (needsMapping) {
      // The mapping dialog shows the first rows of the first chunk.
      const sample = needsMapping.sampleRows;
      for (const record of read) if (sample.length < 5 && !isBroken(record)) sample.push(record);
      return;
    }
    if (!layout) {
      if (read.length === 0) return;
      const header = headerOf(read[0], file.name);
      start = 1;
      counter.records = 1;
      const rowLayout = layoutFor(header, options.mapping);
      if ('request' in rowLayout) {
        needsMapping = { ...rowLayout.request, sampleRows: read.slice(1, 6).filter((r) => !isBroken(r)) as string[][] };
        return;
      }
      layout = { encoding, delimiter: reader!.fieldDelimiter, header, layout: rowLayout };
      tables = tablesFor(rowLayout);
      builder = new SourceBuilder(tables.dataset, rowLayout, header, options.today, { bytes: Math.min(range.to, file.size) - range.from, cut: !whole });
    }
    for (let i = start; i < read.length; i++) {
      const record = read[i];
      const lineNumber = ++counter.records;
      if (isBroken(record)) builder!.reject(record.broken, record.text.split(reader!.fieldDelimiter), lineNumber);
      else builder!.add(record, lineNumber);
    }
  };

  // An empty file is refused by the sniffer, with the message every refusal of a file's start comes with.
  if (file.size === 0) sniffEncoding(new Uint8Array(0), file.name);
  const first = firstChunk(range.from, chunkBytes);
  let offset = first.at;
  let ahead: Promise<Uint8Array> | null = null;
  let parsed = false;
  while (offset < file.size && !(parsed && (hashFrom >= hashTo || offset >= hashTo)) && !needsMapping) {
    if (options.signal?.aborted) throw new CoreError('CANCELLED', `Loading ${file.name} was cancelled.`);
    const bytes: Uint8Array = await (ahead ?? readBytes(file, offset, first.length));
    if (bytes.length === 0) break;
    // The next chunk is on its way while this one is parsed.
    ahead = offset + bytes.length < file.size ? readBytes(file, offset + bytes.length, chunkBytes) : null;
    ahead?.catch(() => undefined);
    const end = offset + bytes.length;
    if (end > hashFrom && offset < hashTo) hasher.push(bytes.subarray(Math.max(0, hashFrom - offset), Math.min(bytes.length, hashTo - offset)));
    if (!parsed) {
      if (parseFrom < 0) {
        const at = bytes.indexOf(LF, Math.max(0, range.from - 1 - offset));
        if (at >= 0) parseFrom = offset + at + 1;
      }
      if (parseFrom >= 0 && parseTo < 0) {
        const at = bytes.indexOf(LF, Math.max(0, Math.max(range.to, parseFrom) - 1 - offset));
        if (at >= 0) parseTo = offset + at + 1;
      }
      if (end >= file.size) {
        // No line starts after the cut: the part runs to the end of the file (or holds nothing).
        if (parseFrom < 0) parseFrom = file.size;
        if (parseTo < 0) parseTo = file.size;
      }
      if (parseFrom >= 0 && parseFrom < end) {
        const last = parseTo >= 0 && parseTo <= end;
        let piece = bytes.subarray(Math.max(0, parseFrom - offset), last ? parseTo - offset : bytes.length);
        if (!decoder) {
          encoding = sniffEncoding(piece, file.name);
          decoder = new TextDecoder(encoding);
          reader = new CsvRecordReader();
          // The first line alone first: when it is a police.uk header, the rest is read from its bytes.
          const lineEnd = piece.indexOf(LF) + 1;
          if (lineEnd > 0 && lineEnd < piece.length) {
            consume(reader.push(decoder.decode(piece.subarray(0, lineEnd), { stream: true })));
            piece = piece.subarray(lineEnd);
          }
        }
        feedLines();
        if (feed) (feed as PoliceLineFeed).push(piece, last && parseTo >= file.size);
        else {
          consume(reader!.push(decoder.decode(piece, { stream: !last })));
          if (last && parseTo >= file.size) consume(reader!.end());
        }
        parsed = last;
      } else if (parseTo >= 0 && parseTo <= end) parsed = true;
      options.onProgress?.({ bytesRead: Math.min(file.size, end) - range.from, bytesTotal: range.to - range.from, rows: Math.max(0, counter.records - (range.from === 0 ? 1 : 0)), elapsedMs: performance.now() - started });
    }
    // Nothing read from the chunk keeps a view of it: lines carried over are copied, and the hasher keeps none.
    file.release?.(bytes);
    offset = end;
  }
  if (needsMapping) return { status: 'needs-mapping', request: needsMapping };
  if (!layout || !builder) {
    if (range.from === 0) throw new CoreError('EMPTY_FILE', `${file.name} has no header line.`);
    throw new CoreError('BAD_INPUT', `${file.name}: a later part was read without the file's header.`);
  }
  const source = (builder as SourceBuilder).finish({ name: file.name, bytes: file.size, fingerprint: '' });
  const { summary } = source;
  return {
    status: 'parsed',
    layout,
    range,
    parseFrom,
    parseTo,
    records: counter.records,
    endsOnRecord: reader === null || (reader as CsvRecordReader).atRecordBoundary,
    rowsRead: summary.rowsRead,
    rejects: { counts: source.rejects.counts, total: source.rejects.total, lines: source.rejects.lines },
    repeatedIds: summary.repeatedIds,
    hasTimes: summary.hasTimes,
    incidents: summary.incidents,
    h3Resolution: summary.h3Resolution,
    monthMin: summary.monthMin,
    monthMax: summary.monthMax,
    categoryCounts: summary.categoryCounts,
    columns: source.columns,
    dictionaries: addedEntries(tables!, tables === shared && before ? before : entryCounts(new Dataset())),
    ids: (builder as SourceBuilder).idRows(),
    maybeRepeats: (builder as SourceBuilder).maybeRepeats,
    blockHashes: hasher.blockHashes(),
  };
}

function entryCounts(dataset: Dataset): PartDictionaries['from'] {
  return {
    points: dataset.points.count,
    categories: dataset.categories.list.length,
    locations: dataset.locations.values.length,
    lsoaNames: dataset.lsoaNames.values.length,
    keys: dataset.keys.values.length,
    references: dataset.references.values.length,
  };
}

function addedEntries({ dataset, name }: PartTables, from: PartDictionaries['from']): PartDictionaries {
  return {
    tables: name,
    from,
    lat: dataset.points.lat.slice(from.points, dataset.points.count),
    lng: dataset.points.lng.slice(from.points, dataset.points.count),
    categories: packCategories(dataset.categories.list.slice(from.categories)),
    locations: dataset.locations.values.slice(from.locations),
    lsoaNames: dataset.lsoaNames.values.slice(from.lsoaNames),
    keys: dataset.keys.values.slice(from.keys),
    references: dataset.references.values.slice(from.references),
    nativeCells: [...dataset.nativeCells],
  };
}

/**
 * The fields of the records of a part read before at the given line numbers (counted within the
 * part): a line found to repeat one of an earlier part is rejected with its own text.
 */
export async function partRecords(file: ByteSource, part: ParsedPart, lineNumbers: ReadonlySet<number>): Promise<Map<number, string[]>> {
  const { layout } = part;
  const decoder = new TextDecoder(layout.encoding);
  const reader = part.parseFrom === 0 ? new CsvRecordReader() : new CsvRecordReader({ delimiter: layout.delimiter, fields: layout.header.length });
  const found = new Map<number, string[]>();
  let records = 0;
  const collect = (read: ReadRecord[]) => {
    for (const record of read) {
      records++;
      if (lineNumbers.has(records) && !isBroken(record)) found.set(records, record);
    }
  };
  for (let offset = part.parseFrom; offset < part.parseTo; offset += DEFAULT_CHUNK_BYTES) {
    const bytes = await readBytes(file, offset, Math.min(DEFAULT_CHUNK_BYTES, part.parseTo - offset));
    const last = offset + DEFAULT_CHUNK_BYTES >= part.parseTo;
    collect(reader.push(decoder.decode(bytes, { stream: !last })));
  }
  if (part.parseTo >= file.size) collect(reader.end());
  return found;
}

/**
 * The source with its first slice for a part starting at `from` already on its way: a worker reads
 * the next part's first bytes while it parses the one before (for a batch of small files, reading
 * each file was otherwise as long again as parsing it). Reads within that slice are served from it.
 */
export function withHeadRequested(file: ByteSource, from: number, chunkBytes = DEFAULT_CHUNK_BYTES): ByteSource {
  const { at, length } = firstChunk(from, chunkBytes);
  const head = file.read(at, length);
  head.catch(() => undefined); // a part cancelled before it is read never asks for it
  return {
    name: file.name,
    size: file.size,
    read: (offset, count) => (offset >= at && offset + count <= at + length ? head.then((bytes) => bytes.subarray(offset - at, offset - at + count)) : file.read(offset, count)),
  };
}

export async function readBytes(file: ByteSource, offset: number, length: number): Promise<Uint8Array> {
  try {
    return await file.read(offset, length);
  } catch {
    throw new CoreError('BAD_INPUT', `${file.name} could not be read to the end: it may have changed, moved or been locked while loading. Nothing from it was kept.`);
  }
}
