import type { Dataset, IncidentSource } from '../dataset';
import { CoreError } from '../errors';
import { ContentHasher } from './contentHash';
import { CsvRecordReader, isBroken, MAX_RECORD_CHARS, type ReadRecord } from './csvRecords';
import { geoJsonRecords, looksLikeJsonObject, MAX_GEOJSON_BYTES } from './geoJsonRecords';
import { ingestParquet, isParquet } from './parquet';
import { detectSchema, missingMappingFields, type ColumnMapping } from './schema';
import { sniffEncoding } from './sniff';
import type { RowLayout } from './rowReader';
import { SourceBuilder } from './sourceBuilder';

/** Random access to a file's bytes: a browser `Blob` or a file on disk in node. */
export interface ByteSource {
  name: string;
  size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

export function blobByteSource(blob: Blob, name: string): ByteSource {
  return {
    name,
    size: blob.size,
    read: async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()),
  };
}

export interface IngestProgress {
  bytesRead: number;
  bytesTotal: number;
  rows: number;
  elapsedMs: number;
}

export interface MappingRequest {
  header: string[];
  sampleRows: string[][];
  guess: Partial<ColumnMapping>;
}

export interface IngestOptions {
  /** For files that are neither police.uk nor H3 tables; without it such a file asks for a mapping. */
  mapping?: ColumnMapping;
  /** Build the source without adding it to the dataset (to add later, or never). */
  detached?: boolean;
  onProgress?: (progress: IngestProgress) => void;
  /** Checked between chunks; an aborted load leaves the dataset without the source. */
  signal?: { aborted: boolean };
  chunkBytes?: number;
  /** The date rows are checked against (months after it are rejected); now unless given. */
  today?: Date;
}

export type IngestResult =
  | { status: 'loaded'; source: IncidentSource }
  | { status: 'needs-mapping'; request: MappingRequest };

const DEFAULT_CHUNK_BYTES = 4 << 20;
/** Widest header read: real extracts have tens of columns, and the mapping dialog lists every one. */
export const MAX_HEADER_COLUMNS = 500;

/**
 * Streams one CSV into the dataset: sniff the bytes, decode in chunks, cut chunks into records,
 * detect the schema from the header, then accept or reject every row. The whole file is never
 * held as one string. The source is added only when the file has been read to the end.
 */
export async function ingestFile(dataset: Dataset, file: ByteSource, options: IngestOptions = {}): Promise<IngestResult> {
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  const started = performance.now();
  const read = async (offset: number, length: number): Promise<Uint8Array> => {
    try {
      return await file.read(offset, length);
    } catch {
      throw new CoreError('BAD_INPUT', `${file.name} could not be read to the end: it may have changed, moved or been locked while loading. Nothing from it was kept.`);
    }
  };
  const head = await read(0, Math.min(file.size, chunkBytes));
  if (isParquet(head)) {
    // Parquet is read by row group, not streamed: its identity is hashed from all its bytes first.
    const hasher = new ContentHasher();
    for (let offset = 0; offset < file.size; offset += chunkBytes) hasher.push(offset === 0 ? head : await read(offset, chunkBytes));
    return ingestParquet(dataset, file, options, await hasher.finish());
  }
  if (looksLikeJsonObject(head)) return ingestGeoJson(dataset, file, head, options, read);
  const encoding = sniffEncoding(head, file.name);
  const decoder = new TextDecoder(encoding);
  const reader = new CsvRecordReader();
  let builder: SourceBuilder | null = null;
  let header: string[] | null = null;
  let lineNumber = 1;
  let rows = 0;
  const hasher = new ContentHasher();

  const consume = (records: ReadRecord[]): IngestResult | null => {
    let start = 0;
    if (!header) {
      if (records.length === 0) return null;
      header = headerOf(records[0], file.name);
      start = 1;
      const layout = layoutFor(header, options.mapping);
      if ('request' in layout) return { status: 'needs-mapping', request: { ...layout.request, sampleRows: records.slice(1, 6).filter((r) => !isBroken(r)) as string[][] } };
      builder = new SourceBuilder(dataset, layout, header, options.today);
    }
    for (let i = start; i < records.length; i++) {
      const record = records[i];
      if (isBroken(record)) builder!.reject(record.broken, record.text.split(reader.fieldDelimiter), ++lineNumber);
      else builder!.add(record, ++lineNumber);
    }
    rows += records.length - start;
    return null;
  };

  for (let offset = 0; offset < file.size; offset += chunkBytes) {
    if (options.signal?.aborted) throw new CoreError('CANCELLED', `Loading ${file.name} was cancelled.`);
    const bytes = offset === 0 ? head : await read(offset, chunkBytes);
    hasher.push(bytes);
    const last = offset + chunkBytes >= file.size;
    const records = reader.push(decoder.decode(bytes, { stream: !last }));
    const early = consume(last ? records.concat(reader.end()) : records);
    if (early) return early;
    options.onProgress?.({ bytesRead: Math.min(file.size, offset + chunkBytes), bytesTotal: file.size, rows, elapsedMs: performance.now() - started });
  }
  if (!header) throw new CoreError('EMPTY_FILE', `${file.name} has no header line.`);
  const finished = builder as SourceBuilder | null;
  if (!finished) throw new CoreError('EMPTY_FILE', `${file.name} has no rows.`);
  const fingerprint = await hasher.finish();
  const source = finished.finish({ name: file.name, bytes: file.size, fingerprint });
  if (!options.detached) dataset.addSource(source);
  return { status: 'loaded', source };
}

function headerOf(record: ReadRecord, fileName: string): string[] {
  if (isBroken(record)) {
    throw new CoreError('BAD_INPUT', `The first line of ${fileName} is longer than ${MAX_RECORD_CHARS.toLocaleString('en-GB')} characters or has an unclosed quote: it is not a table header this app can read (at most ${MAX_HEADER_COLUMNS} columns).`);
  }
  if (record.length > MAX_HEADER_COLUMNS) {
    throw new CoreError('BAD_INPUT', `The header of ${fileName} has ${record.length.toLocaleString('en-GB')} columns; at most ${MAX_HEADER_COLUMNS} are read. Keep the columns you need and save it again.`);
  }
  return record.map((name) => name.trim());
}

/** GeoJSON point features as incidents: one record per feature, mapped like a CSV's columns. */
async function ingestGeoJson(dataset: Dataset, file: ByteSource, head: Uint8Array, options: IngestOptions, read: (offset: number, length: number) => Promise<Uint8Array>): Promise<IngestResult> {
  if (file.size > MAX_GEOJSON_BYTES) throw new CoreError('BAD_INPUT', `${file.name} is GeoJSON of ${Math.round(file.size / 2 ** 20)} MB; GeoJSON incidents are read whole, up to ${MAX_GEOJSON_BYTES / 2 ** 20} MB. Save it as CSV to load it in pieces.`);
  const bytes = file.size <= head.length ? head : await read(0, file.size);
  const hasher = new ContentHasher();
  hasher.push(bytes);
  const fingerprint = await hasher.finish();
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8').decode(bytes));
  } catch {
    throw new CoreError('NOT_CSV', `${file.name} starts like JSON but is not valid JSON.`);
  }
  const { header, rows, notPoint } = geoJsonRecords(json, file.name);
  const layout = layoutFor(header, options.mapping);
  if ('request' in layout) return { status: 'needs-mapping', request: { ...layout.request, sampleRows: rows.filter((_, i) => notPoint[i] === null).slice(0, 5) } };
  const builder = new SourceBuilder(dataset, layout, header);
  rows.forEach((row, i) => (notPoint[i] === null ? builder.add(row, i + 1) : builder.reject('notPoint', row, i + 1)));
  options.onProgress?.({ bytesRead: file.size, bytesTotal: file.size, rows: rows.length, elapsedMs: 0 });
  const source = builder.finish({ name: file.name, bytes: file.size, fingerprint });
  if (!options.detached) dataset.addSource(source);
  return { status: 'loaded', source };
}

function layoutFor(header: string[], mapping: ColumnMapping | undefined): RowLayout | { request: MappingRequest } {
  const schema = detectSchema(header);
  if (schema.kind === 'police.uk') return { kind: 'police.uk' };
  if (schema.kind === 'h3') return { kind: 'h3', columns: schema.columns, columnCount: header.length };
  if (!mapping) return { request: { header, sampleRows: [], guess: schema.guess } };
  const missing = missingMappingFields(mapping, header);
  if (missing.length > 0) throw new CoreError('BAD_MAPPING', `The column mapping does not fit this file: ${missing.join(', ')} not found.`);
  return { kind: 'mapped', mapping, header };
}
