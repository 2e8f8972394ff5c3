import { CoreError } from '../errors';
import { WORKSPACE_DOCUMENT } from '../workspace/workspaceDocumentName';
import { CsvRecordReader, isBroken } from './csvRecords';
import { notIncidentsRefusal } from './layout';
import { isOfChosenForces } from './policeForces';
import { sniffEncoding, type TextEncodingName } from './sniff';

/**
 * ZIP archives as police.uk hands them out (a custom download is one ZIP holding a folder a month,
 * each with its street-level, outcomes and stop-and-search files), read from the file itself: the
 * table of contents at its end is read first, then the entries are read in one pass and inflated
 * as a stream, so the archive is never held in memory whole. The platform's own inflater
 * (DecompressionStream, raw deflate) does the inflating, several times faster than one written in
 * script; the archive's layout (PKWARE APPNOTE 6.3, with ZIP64 for archives past 4 GB) is read here.
 */

/** One file in an archive, as its central directory lists it. */
export interface ZipEntry {
  /** Its path inside the archive, folders separated by `/`. */
  path: string;
  method: number;
  /** General-purpose flags: bit 0 = encrypted, bit 11 = UTF-8 name. */
  flags: number;
  crc32: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

/** A file unpacked from an archive, or why one was not. */
export type UnpackedEntry = { path: string; file: File } | { path: string; refused: string };

export interface ZipContents {
  entries: UnpackedEntry[];
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** The end record (22 bytes) and the longest comment it may carry. */
const TAIL_BYTES = 22 + 0xffff;
const STORED = 0;
const DEFLATED = 8;

async function bytesAt(archive: Blob, start: number, end: number): Promise<DataView> {
  return new DataView(await archive.slice(start, end).arrayBuffer());
}

const u64 = (view: DataView, at: number): number => Number(view.getBigUint64(at, true));

/** Where the central directory lies and how many entries it lists, from the archive's end records. */
async function directoryOf(archive: Blob, name: string): Promise<{ offset: number; size: number; count: number }> {
  const tailStart = Math.max(0, archive.size - TAIL_BYTES);
  const tail = await bytesAt(archive, tailStart, archive.size);
  let end = -1;
  for (let at = tail.byteLength - 22; at >= 0; at--) {
    if (tail.getUint32(at, true) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new CoreError('BAD_INPUT', `${name} is not a whole ZIP archive: the list of its files, kept at its end, is missing. A download cut short ends like this; download it again.`);
  if (tail.getUint16(end + 4, true) !== 0 || tail.getUint16(end + 6, true) !== 0) {
    throw new CoreError('BAD_INPUT', `${name} is one part of a ZIP archive split over several files, which this app cannot read. Unpack it with your system's tool and load the folder.`);
  }
  let count = tail.getUint16(end + 10, true);
  let size = tail.getUint32(end + 12, true);
  let offset = tail.getUint32(end + 16, true);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || tail.getUint32(locator, true) !== ZIP64_LOCATOR) throw new CoreError('BAD_INPUT', `${name} is a ZIP archive whose list of files cannot be found (its ZIP64 locator is missing).`);
    const recordAt = u64(tail, locator + 8);
    const record = await bytesAt(archive, recordAt, recordAt + 56);
    if (record.byteLength < 56 || record.getUint32(0, true) !== ZIP64_END_OF_DIRECTORY) throw new CoreError('BAD_INPUT', `${name} is a ZIP archive whose list of files cannot be found (its ZIP64 record is missing).`);
    count = u64(record, 32);
    size = u64(record, 40);
    offset = u64(record, 48);
  }
  if (offset + size > archive.size) throw new CoreError('BAD_INPUT', `${name} is not a whole ZIP archive: its list of files points past its end.`);
  return { offset, size, count };
}

/** The entries an archive lists, in its own order. */
export async function zipEntries(archive: Blob, name: string): Promise<ZipEntry[]> {
  const directory = await directoryOf(archive, name);
  const view = await bytesAt(archive, directory.offset, directory.offset + directory.size);
  const utf8 = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < directory.count; i++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== DIRECTORY_HEADER) throw new CoreError('BAD_INPUT', `${name} is a damaged ZIP archive: its list of files ends after ${i} of ${directory.count} entries.`);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const entry: ZipEntry = {
      path: utf8.decode(new Uint8Array(view.buffer, at + 46, nameLength)).replace(/\\/g, '/'),
      method: view.getUint16(at + 10, true),
      flags: view.getUint16(at + 8, true),
      crc32: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    };
    // ZIP64: the sizes and offset too big for 32 bits follow in the extra field, in this order.
    for (let extra = at + 46 + nameLength; extra + 4 <= at + 46 + nameLength + extraLength; ) {
      const id = view.getUint16(extra, true);
      const length = view.getUint16(extra + 2, true);
      if (id === 0x0001) {
        let field = extra + 4;
        for (const key of ['size', 'compressedSize', 'localHeaderOffset'] as const) {
          if (entry[key] !== 0xffffffff) continue;
          entry[key] = u64(view, field);
          field += 8;
        }
      }
      extra += 4 + length;
    }
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * CRC-32 as ZIP uses it (polynomial 0xEDB88320), to tell a damaged entry from a good one. Eight
 * tables let it take eight bytes a step, as two aligned 32-bit words (table k is the CRC of a byte
 * followed by k zero bytes); words are read in the platform's byte order, little-endian wherever
 * browsers run (elsewhere every entry would fail its check and be refused, never passed).
 */
const CRC_TABLES = (() => {
  const tables = new Uint32Array(8 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    tables[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) {
    for (let k = 1; k < 8; k++) tables[k * 256 + n] = (tables[(k - 1) * 256 + n] >>> 8) ^ tables[tables[(k - 1) * 256 + n] & 0xff];
  }
  return tables;
})();

const NO_WORDS = new Uint32Array(0);

export function crc32(bytes: Uint8Array, previous = 0): number {
  const t = CRC_TABLES;
  let crc = ~previous;
  let i = 0;
  // Byte by byte up to the first 4-byte boundary, then eight bytes a step, then the last few.
  for (const head = Math.min(bytes.length, (4 - (bytes.byteOffset & 3)) & 3); i < head; i++) crc = t[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  // A piece too short to reach the boundary has no words (and its start is not aligned).
  const words = bytes.length - i >= 8 ? new Uint32Array(bytes.buffer, bytes.byteOffset + i, ((bytes.length - i) >>> 3) << 1) : NO_WORDS;
  for (let w = 0; w < words.length; w += 2) {
    const low = crc ^ words[w];
    const high = words[w + 1];
    crc = t[1792 + (low & 0xff)] ^ t[1536 + ((low >>> 8) & 0xff)] ^ t[1280 + ((low >>> 16) & 0xff)] ^ t[1024 + (low >>> 24)] ^ t[768 + (high & 0xff)] ^ t[512 + ((high >>> 8) & 0xff)] ^ t[256 + ((high >>> 16) & 0xff)] ^ t[high >>> 24];
  }
  for (i += words.length * 4; i < bytes.length; i++) crc = t[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return ~crc >>> 0;
}

/** Why an entry cannot be unpacked here, or null when it can. */
function unreadable(entry: ZipEntry): string | null {
  if (entry.flags & 1) return 'is encrypted (a password-protected ZIP): unpack it with your system\u2019s tool and load the files.';
  if (entry.method !== STORED && entry.method !== DEFLATED) return `is compressed with method ${entry.method}, which this app cannot unpack (only stored and deflated entries): unpack it with your system\u2019s tool and load the files.`;
  return null;
}

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/**
 * The archive's bytes read once, front to back, as one stream: entries are taken in the order they
 * lie in it. Starting a read per entry cost a few milliseconds each in the browser, which for the
 * hundreds of files in a police.uk download was as long again as inflating them. Bytes far ahead
 * (the files of forces not chosen, the rest of a refused file) are jumped over with a new read
 * rather than read through: in police.uk's archive of every force they are most of it.
 */
class ArchiveCursor {
  private reader: ReadableStreamDefaultReader<Uint8Array<ArrayBuffer>>;
  private piece: Uint8Array<ArrayBuffer> = new Uint8Array(0);
  private at = 0;
  /** The archive offset of the next unread byte. */
  position: number;

  constructor(
    private readonly archive: Blob,
    start: number,
  ) {
    this.position = start;
    this.reader = archive.slice(start).stream().getReader();
  }

  /** The next bytes, at most `most` of them and at least one; null at the archive's end. */
  async next(most: number): Promise<Uint8Array<ArrayBuffer> | null> {
    while (this.at >= this.piece.length) {
      const { done, value } = await this.reader.read();
      if (done) return null;
      this.piece = value;
      this.at = 0;
    }
    const bytes = this.piece.subarray(this.at, Math.min(this.piece.length, this.at + most));
    this.at += bytes.length;
    this.position += bytes.length;
    return bytes;
  }

  /** Exactly `count` bytes, copied together (for headers); null when the archive ends first. */
  async exactly(count: number): Promise<Uint8Array | null> {
    const bytes = new Uint8Array(count);
    for (let filled = 0; filled < count; ) {
      const piece = await this.next(count - filled);
      if (!piece) return null;
      bytes.set(piece, filled);
      filled += piece.length;
    }
    return bytes;
  }

  /** Passes over the bytes before `offset`; false when the archive ends first. */
  async skipTo(offset: number): Promise<boolean> {
    const ahead = offset - this.position - (this.piece.length - this.at);
    if (ahead > JUMP_BYTES) {
      await this.cancel();
      if (offset > this.archive.size) return false;
      this.reader = this.archive.slice(offset).stream().getReader();
      this.piece = new Uint8Array(0);
      this.at = 0;
      this.position = offset;
      return true;
    }
    while (this.position < offset) if (!(await this.next(offset - this.position))) return false;
    return true;
  }

  cancel(): Promise<void> {
    return this.reader.cancel().catch(() => undefined);
  }
}

/** Bytes beyond what is already read that are jumped over with a new read: a new read costs a few milliseconds, about what reading 4 MiB through does. */
const JUMP_BYTES = 4 << 20;

/** The first line is looked for in this many inflated bytes of a CSV entry. */
const HEAD_BYTES = 64 << 10;

/**
 * The loader's refusal of a CSV entry whose header shows it holds no incidents, read as the loader
 * reads a file's start; null otherwise (anything else about the file is for the loader to say).
 */
function notIncidentsByHead(head: Uint8Array, fileName: string): string | null {
  let encoding: TextEncodingName;
  try {
    encoding = sniffEncoding(head, fileName);
  } catch {
    return null;
  }
  const [first] = new CsvRecordReader().push(new TextDecoder(encoding).decode(head));
  return first && !isBroken(first) ? notIncidentsRefusal(first, fileName) : null;
}

/** Thrown inside an entry's reading to stop it once its first line shows it holds no incidents. */
class NotIncidents extends Error {}

/**
 * One entry's bytes from the cursor, inflated as they are read, checked against the sizes and CRC
 * its archive lists. A police.uk outcomes or stop-and-search file is refused by its first line, with
 * the reason the loader would give, and the rest of it is passed over: in a force's download they
 * are most of the bytes, and would only be refused once loaded.
 */
async function unpackEntry(cursor: ArchiveCursor, entry: ZipEntry, name: string, onBytes: (compressed: number) => void, signal?: { aborted: boolean }): Promise<UnpackedEntry> {
  const cutShort = () => new CoreError('BAD_INPUT', `${name} is not a whole ZIP archive: ${entry.path} is cut short. A download cut short ends like this; download it again.`);
  if (cursor.position > entry.localHeaderOffset) throw new CoreError('BAD_INPUT', `${name} is a damaged ZIP archive: ${entry.path} overlaps the entry before it.`);
  if (!(await cursor.skipTo(entry.localHeaderOffset))) throw cutShort();
  const header = await cursor.exactly(30);
  const local = header && new DataView(header.buffer);
  if (!local || local.getUint32(0, true) !== LOCAL_HEADER) throw new CoreError('BAD_INPUT', `${name} is a damaged ZIP archive: ${entry.path} is not where its list of files says.`);
  if (!(await cursor.skipTo(cursor.position + local.getUint16(26, true) + local.getUint16(28, true)))) throw cutShort();
  const dataEnd = cursor.position + entry.compressedSize;
  const parts: Uint8Array[] = [];
  let size = 0;
  let crc = 0;
  let headChecked = !/\.csv$/i.test(entry.path);
  let refused: string | null = null;
  const take = (chunk: Uint8Array) => {
    size += chunk.length;
    // More than the list of files promises is a damaged or hostile archive: stop before memory runs out.
    if (size > entry.size) throw new CoreError('BAD_INPUT', `${name} is a damaged ZIP archive: ${entry.path} unpacks to more than the ${entry.size.toLocaleString('en-GB')} bytes it lists.`);
    crc = crc32(chunk, crc);
    parts.push(chunk);
    if (!headChecked && (chunk.includes(10) || size >= HEAD_BYTES)) {
      headChecked = true;
      const head = new Uint8Array(Math.min(size, HEAD_BYTES));
      for (let at = 0, k = 0; at < head.length; at += parts[k].length, k++) head.set(parts[k].subarray(0, head.length - at), at);
      refused = notIncidentsByHead(head, baseName(entry.path));
      if (refused) throw new NotIncidents();
    }
  };
  const inflater = entry.method === DEFLATED ? new DecompressionStream('deflate-raw') : null;
  const writer = inflater?.writable.getWriter();
  // The inflated bytes are taken as they come, while the compressed ones are written.
  const inflated = inflater
    ? (async () => {
        const reader = inflater.readable.getReader();
        try {
          for (let read = await reader.read(); !read.done; read = await reader.read()) take(read.value);
        } catch (error) {
          // Cancelled, the inflater fails its writer too, so nothing waits on output no one reads.
          await reader.cancel(error).catch(() => undefined);
          throw error;
        }
      })()
    : null;
  // Its failure is taken below, where it is awaited; until then it is not an unhandled rejection.
  inflated?.catch(() => undefined);
  try {
    for (let left = entry.compressedSize; left > 0; ) {
      if (signal?.aborted) throw new CoreError('CANCELLED', `Unpacking ${name} was cancelled.`);
      const bytes = await cursor.next(left);
      if (!bytes) throw cutShort();
      left -= bytes.length;
      onBytes(bytes.length);
      if (!writer) take(bytes.slice());
      else {
        // Waits while the inflater is behind, unless it has failed.
        await Promise.race([writer.ready, inflated]);
        writer.write(bytes).catch(() => undefined);
      }
    }
    await Promise.all([writer?.close(), inflated]);
  } catch (error) {
    await writer?.abort().catch(() => undefined);
    if (refused) {
      onBytes(dataEnd - cursor.position);
      if (!(await cursor.skipTo(dataEnd))) throw cutShort();
      return { path: entry.path, refused };
    }
    if (error instanceof CoreError) throw error;
    throw new CoreError('BAD_INPUT', `${name} is a damaged ZIP archive: ${entry.path} cannot be inflated (${error instanceof Error ? error.message : String(error)}). Download it again.`);
  }
  if (size !== entry.size || crc !== entry.crc32) throw new CoreError('BAD_INPUT', `${name} is a damaged ZIP archive: ${entry.path} does not unpack to the bytes its list of files records (size or checksum differs). Download it again.`);
  return { path: entry.path, file: new File(parts as Uint8Array<ArrayBuffer>[], baseName(entry.path), { type: 'application/octet-stream' }) };
}

/** The entries an operating system adds for itself: `.DS_Store`, and the `__MACOSX` copies in a ZIP made on a Mac. */
export function isSystemEntry(path: string): boolean {
  return path.split('/').some((part) => part.startsWith('.') || part === '__MACOSX');
}

/** What an archive holds to unpack: the entries to read, in the order they lie in it, and those refused, with the reason. */
interface UnpackPlan {
  readable: ZipEntry[];
  refused: UnpackedEntry[];
}

/** The files an archive lists, without folders and the operating system's own entries. */
export async function archiveFiles(archive: Blob, name: string): Promise<ZipEntry[]> {
  return (await zipEntries(archive, name)).filter((entry) => !entry.path.endsWith('/') && !isSystemEntry(entry.path));
}

/**
 * The files of an archive to unpack, of the chosen police forces (all when null); an entry that
 * cannot be unpacked is refused with the reason, and an archive that is not incident data (a zipped
 * Shapefile, a saved workspace) is refused whole, saying where it loads.
 */
async function planUnpack(archive: Blob, name: string, forces: ReadonlySet<string> | null): Promise<UnpackPlan> {
  const listed = await archiveFiles(archive, name);
  if (listed.some((entry) => entry.path === WORKSPACE_DOCUMENT)) {
    throw new CoreError('BAD_INPUT', `${name} is a saved workspace, not incident data: open it with "Open workspace" in the Workspace panel.`);
  }
  // Its .prj and .cpg are one-line text files, which would otherwise be taken for tables needing a column mapping.
  const shapefile = listed.find((entry) => /\.shp$/i.test(entry.path));
  if (shapefile) {
    throw new CoreError('BAD_INPUT', `${name} is a zipped Shapefile (${baseName(shapefile.path)}), not incident data: load it with "Load boundary file" under Study area, or with "Load zones" under PSPO zones. Incidents are read from CSV, GeoJSON or Parquet.`);
  }
  const plan: UnpackPlan = { readable: [], refused: [] };
  for (const entry of listed) {
    if (!isOfChosenForces(entry.path, forces)) continue;
    const reason = unreadable(entry);
    if (reason) plan.refused.push({ path: entry.path, refused: `${baseName(entry.path)} ${reason}` });
    else plan.readable.push(entry);
  }
  plan.readable.sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  return plan;
}

/**
 * The readable entries in runs of about equal compressed bytes, at most `count` of them, each a
 * stretch of the archive: several threads can then unpack one archive, each reading its stretch once.
 */
export function entryRuns(readable: readonly ZipEntry[], count: number): ZipEntry[][] {
  const total = compressedBytes(readable);
  const runs: ZipEntry[][] = [];
  let done = 0;
  for (const entry of readable) {
    // A run ends once the bytes before it reach its share of the whole.
    if (runs.length === 0 || (runs.length < count && done >= (total * runs.length) / count)) runs.push([]);
    runs[runs.length - 1].push(entry);
    done += entry.compressedSize;
  }
  return runs;
}

/**
 * Entries of an archive (from planUnpack, in archive order), read in one pass over the stretch
 * they lie in; `onProgress` hears the compressed bytes read so far. A damaged entry refuses them all.
 */
export async function unpackEntries(archive: Blob, name: string, entries: readonly ZipEntry[], options: { signal?: { aborted: boolean }; onProgress?: (done: number) => void } = {}): Promise<UnpackedEntry[]> {
  if (entries.length === 0) return [];
  const first = entries[0].localHeaderOffset;
  const cursor = new ArchiveCursor(archive, first);
  let done = 0;
  const unpacked: UnpackedEntry[] = [];
  try {
    for (const entry of entries) unpacked.push(await unpackEntry(cursor, entry, name, (compressed) => options.onProgress?.((done += compressed)), options.signal));
  } finally {
    await cursor.cancel();
  }
  return unpacked;
}

/** How an archive is unpacked: on this thread by default, or in runs elsewhere (a parse worker each). */
export interface UnpackOptions {
  signal?: { aborted: boolean };
  /** The compressed bytes read so far, over every run. */
  onProgress?: (done: number, total: number) => void;
  /** Up to `count` runs of entries (see entryRuns) unpacked at once by `unpack`, which reports each run's compressed bytes read. */
  runs?: { count: number; unpack: (entries: ZipEntry[], onBytes: (done: number) => void) => Promise<UnpackedEntry[]> };
  /** The police forces (police.uk ids) whose files to unpack; other forces' files are left in the archive. All when absent. */
  forces?: readonly string[];
}

/**
 * Every file of an archive (of the chosen police forces), unpacked, in path order (a police.uk
 * download's months in order); an entry that cannot be unpacked is listed with the reason. A damaged
 * archive is refused whole: no part of it is loaded.
 */
export async function unpackZip(archive: Blob, name: string, options: UnpackOptions = {}): Promise<ZipContents> {
  const { readable, refused } = await planUnpack(archive, name, options.forces ? new Set(options.forces) : null);
  const total = compressedBytes(readable);
  const { count, unpack } = options.runs ?? { count: 1, unpack: (entries, onBytes) => unpackEntries(archive, name, entries, { signal: options.signal, onProgress: onBytes }) };
  const runs = entryRuns(readable, count);
  const done = runs.map(() => 0);
  const report = (k: number, bytes: number) => {
    done[k] = bytes;
    options.onProgress?.(sum(done), total);
  };
  const unpacked = await Promise.all(
    runs.map(async (entries, k) => {
      const files = await unpack(entries, (bytes) => report(k, bytes));
      report(k, compressedBytes(entries));
      return files;
    }),
  );
  const entries = [...refused, ...unpacked.flat()];
  return { entries: entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) };
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
const compressedBytes = (entries: readonly ZipEntry[]): number => sum(entries.map((entry) => entry.compressedSize));
