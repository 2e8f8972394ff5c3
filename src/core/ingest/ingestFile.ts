import type { Dataset, IncidentSource } from '../dataset';
import { CoreError } from '../errors';
import { ContentHasher } from './contentHash';
import { DEFAULT_CHUNK_BYTES, readBytes, readPart } from './filePart';
import { geoJsonRecords, looksLikeJsonObject, MAX_GEOJSON_BYTES } from './geoJsonRecords';
import { layoutFor } from './layout';
import { mergeParts } from './mergeParts';
import { ingestParquet, isParquet } from './parquet';
import type { ColumnMapping } from './schema';
import { SourceBuilder } from './sourceBuilder';

/** Random access to a file's bytes: a browser `Blob` or a file on disk in node. */
export interface ByteSource {
  name: string;
  size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
  /** Bytes a read gave that the reader has done with and holds no view of: a later read may fill them again. */
  release?(bytes: Uint8Array): void;
}

/** A Blob's bytes: a read that starts where the last one ended carries on one stream of the blob (see BlobStream), any other is a slice of its own. */
export function blobByteSource(blob: Blob, name: string): ByteSource {
  let next = -1;
  let stream: BlobStream | null = null;
  return {
    name,
    size: blob.size,
    read: (offset, length) => {
      const bytes = Math.max(0, Math.min(length, blob.size - offset));
      const follows = offset === next;
      next = offset + bytes;
      if (!follows) return blob.slice(offset, offset + bytes).arrayBuffer().then((buffer) => new Uint8Array(buffer));
      if (stream?.at !== offset) {
        stream?.stop();
        stream = new BlobStream(blob, offset);
      }
      return stream.take(bytes);
    },
    release: (bytes) => stream?.release(bytes),
  };
}

/**
 * A blob read on from `at` as one stream, for reads that follow one another: a slice read of its
 * own costs the browser a new blob and a new pipe each time (about a tenth of a big file's load).
 */
class BlobStream {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  /** Bytes the stream gave beyond the last read, for the next. */
  private rest: Uint8Array | null = null;
  /** Reads are served in the order they were asked for. */
  private last: Promise<unknown> = Promise.resolve();
  /** Buffers given back (see ByteSource.release), filled again: a fresh 4 MiB buffer costs about 2.5 ms of page faults here. */
  private readonly spare: ArrayBuffer[] = [];

  constructor(
    blob: Blob,
    public at: number,
  ) {
    this.reader = blob.slice(at).stream().getReader();
  }

  take(length: number): Promise<Uint8Array> {
    this.at += length;
    const taken = this.last.then(() => this.fill(this.buffer(length)));
    this.last = taken.catch(() => undefined);
    return taken;
  }

  release(bytes: Uint8Array): void {
    // A reader keeps two chunks at most (one read, the next on its way).
    if (bytes.byteOffset === 0 && this.spare.length < 2) this.spare.push(bytes.buffer as ArrayBuffer);
  }

  private buffer(length: number): Uint8Array {
    const spare = this.spare.pop();
    return spare && spare.byteLength >= length ? new Uint8Array(spare, 0, length) : new Uint8Array(length);
  }

  /** Ends the stream once the reads asked of it are answered. */
  stop(): void {
    void this.last.then(() => this.reader.cancel()).catch(() => undefined);
  }

  private async fill(out: Uint8Array): Promise<Uint8Array> {
    let filled = 0;
    while (filled < out.length) {
      let piece = this.rest;
      this.rest = null;
      if (!piece) {
        const { done, value } = await this.reader.read();
        if (done) break;
        piece = value;
      }
      const take = Math.min(piece.length, out.length - filled);
      out.set(piece.subarray(0, take), filled);
      filled += take;
      if (take < piece.length) this.rest = piece.subarray(take);
    }
    return filled === out.length ? out : out.subarray(0, filled);
  }
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

/**
 * Streams one CSV into the dataset: sniff the bytes, decode in chunks, cut chunks into records,
 * detect the schema from the header, then accept or reject every row. The whole file is never
 * held as one string. The source is added only when the file has been read to the end. A CSV is
 * read as one part (see readPart): the same code reads the parts of a big file in several workers.
 */
export async function ingestFile(dataset: Dataset, file: ByteSource, options: IngestOptions = {}): Promise<IngestResult> {
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  const read = (offset: number, length: number): Promise<Uint8Array> => readBytes(file, offset, length);
  const head = await read(0, Math.min(file.size, chunkBytes));
  if (isParquet(head)) {
    // Parquet is read by row group, not streamed: its identity is hashed from all its bytes first.
    const hasher = new ContentHasher();
    for (let offset = 0; offset < file.size; offset += chunkBytes) hasher.push(offset === 0 ? head : await read(offset, chunkBytes));
    return ingestParquet(dataset, file, options, hasher.finish());
  }
  if (looksLikeJsonObject(head)) return ingestGeoJson(dataset, file, head, options, read);
  const part = await readPart(file, { from: 0, to: file.size }, options);
  if (part.status === 'needs-mapping') return part;
  const source = (await mergeParts(dataset, file, [part]))!;
  if (!options.detached) dataset.addSource(source);
  return { status: 'loaded', source };
}

/** GeoJSON point features as incidents: one record per feature, mapped like a CSV's columns. */
async function ingestGeoJson(dataset: Dataset, file: ByteSource, head: Uint8Array, options: IngestOptions, read: (offset: number, length: number) => Promise<Uint8Array>): Promise<IngestResult> {
  if (file.size > MAX_GEOJSON_BYTES) throw new CoreError('BAD_INPUT', `${file.name} is GeoJSON of ${Math.round(file.size / 2 ** 20)} MB; GeoJSON incidents are read whole, up to ${MAX_GEOJSON_BYTES / 2 ** 20} MB. Save it as CSV to load it in pieces.`);
  const bytes = file.size <= head.length ? head : await read(0, file.size);
  const hasher = new ContentHasher();
  hasher.push(bytes);
  const fingerprint = hasher.finish();
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
