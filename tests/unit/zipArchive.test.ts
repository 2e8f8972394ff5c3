import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CoreError } from '../../src/core/errors';
import { crc32, entryRuns, unpackEntries, unpackZip, zipEntries, type UnpackedEntry, type ZipEntry } from '../../src/core/ingest/zipArchive';

const text = (value: string) => new TextEncoder().encode(value);
const STREET_HEADER = 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n';
/** A month's street-level rows, long enough for deflate to matter. */
const streetFile = (month: string) => text(STREET_HEADER + Array.from({ length: 200 }, (_, i) => `,${month},Metropolitan Police Service,Metropolitan Police Service,-0.${100 + i},51.5${i % 10},On or near High Road,E01000${i % 9},Brent 0${i % 9}A,Anti-social behaviour,,\n`).join(''));

/** A police.uk download as a Mac re-zips it: a folder a month, listed out of order, with the system's own entries. */
function download(level: 0 | 6 = 6): { archive: Blob; files: Record<string, Uint8Array> } {
  const files = {
    '2023-02/2023-02-metropolitan-street.csv': streetFile('2023-02'),
    '2023-01/2023-01-metropolitan-street.csv': streetFile('2023-01'),
    '2023-01/2023-01-metropolitan-outcomes.csv': text('Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Outcome type\r\n' + 'a1b2c3,2023-01,Metropolitan Police Service,Metropolitan Police Service,-0.1,51.5,On or near High Road,E01000001,Brent 001A,Investigation complete; no suspect identified\r\n'.repeat(300)),
    '2023-01/2023-01-metropolitan-stop-and-search.csv': text('Type,Date,Part of a policing operation,Policing operation,Latitude,Longitude,Gender,Age range\nPerson search,2023-01-03T10:00:00+00:00,False,,51.5,-0.1,Male,18-24\n'),
  };
  const archive = zipSync(
    {
      ...Object.fromEntries(Object.entries(files).map(([path, bytes]) => [path, [bytes, { level }]])),
      '__MACOSX/2023-01/._2023-01-metropolitan-street.csv': new Uint8Array([0, 5, 22, 7]),
      '.DS_Store': new Uint8Array([0, 0, 0, 1]),
    },
    { mtime: new Date('2023-03-01T00:00:00Z') },
  );
  return { archive: new Blob([archive]), files };
}

const unpacked = (entries: UnpackedEntry[]) => entries.map((entry) => ('file' in entry ? entry.path : `refused ${entry.path}`));
const bytesOf = async (entry: UnpackedEntry) => ('file' in entry ? new Uint8Array(await entry.file.arrayBuffer()) : null);

/** The archive with bytes changed, as damage in a download or on a disk would. */
async function patched(archive: Blob, change: (bytes: Uint8Array, view: DataView) => void): Promise<Blob> {
  const bytes = new Uint8Array(await archive.arrayBuffer());
  change(bytes, new DataView(bytes.buffer));
  return new Blob([bytes]);
}

/** Where a signature's bytes first occur, e.g. a local or central header. */
const find = (bytes: Uint8Array, signature: number, from = 0) => {
  for (let i = from; i + 4 <= bytes.length; i++) if (new DataView(bytes.buffer, i, 4).getUint32(0, true) === signature) return i;
  return -1;
};

async function refusal(archive: Blob): Promise<CoreError> {
  const error = await unpackZip(archive, 'download.zip').then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(CoreError);
  return error as CoreError;
}

describe('ZIP archives', () => {
  it('computes the CRC-32 that ZIP records (the standard check value of "123456789" is CBF43926)', () => {
    expect(crc32(text('123456789')).toString(16)).toBe('cbf43926');
    // In pieces, as a stream gives them.
    expect(crc32(text('56789'), crc32(text('1234')))).toBe(0xcbf43926);
  });

  it('gives the same CRC-32 for a long text whole and in pieces at any byte offset (values from Python zlib.crc32)', () => {
    const fox = text('The quick brown fox jumps over the lazy dog');
    expect(crc32(fox)).toBe(0x414fa339);
    // In a buffer at an odd offset, so the pieces start off the 4-byte boundary that words are read on.
    const buffer = new Uint8Array(1 + fox.length * 10);
    for (let k = 0; k < 10; k++) buffer.set(fox, 1 + k * fox.length);
    const long = buffer.subarray(1);
    expect(crc32(long)).toBe(0x8ff719d4);
    for (const size of [1, 3, 5, 9, 17, 64]) {
      let crc = 0;
      for (let at = 0; at < long.length; at += size) crc = crc32(long.subarray(at, at + size), crc);
      expect(crc).toBe(0x8ff719d4);
    }
  });

  it('unpacks every file in path order, without folders and the system entries, byte for byte, deflated or stored', async () => {
    for (const level of [6, 0] as const) {
      const { archive, files } = download(level);
      const { entries } = await unpackZip(archive, 'download.zip');
      expect(unpacked(entries)).toEqual(['refused 2023-01/2023-01-metropolitan-outcomes.csv', 'refused 2023-01/2023-01-metropolitan-stop-and-search.csv', '2023-01/2023-01-metropolitan-street.csv', '2023-02/2023-02-metropolitan-street.csv']);
      for (const entry of entries) if ('file' in entry) expect(await bytesOf(entry)).toEqual(files[entry.path as keyof typeof files]);
      expect(entries.map((entry) => ('file' in entry ? entry.file.name : ''))).toEqual(['', '', '2023-01-metropolitan-street.csv', '2023-02-metropolitan-street.csv']);
    }
  });

  it('refuses police.uk outcomes and stop-and-search files by their first line, with the loader\'s reason, without keeping their bytes', async () => {
    for (const level of [6, 0] as const) {
      const seen: number[] = [];
      const { entries } = await unpackZip(download(level).archive, 'download.zip', { onProgress: (done, total) => seen.push(total - done) });
      const reasons = entries.flatMap((entry) => ('refused' in entry ? [entry.refused] : []));
      expect(reasons[0]).toMatch(/^2023-01-metropolitan-outcomes\.csv is a police\.uk outcomes file: its rows are outcomes of crimes already in the street-level files/);
      expect(reasons[1]).toMatch(/^2023-01-metropolitan-stop-and-search\.csv is a police\.uk stop-and-search file: its rows are searches made by officers/);
      // The bytes passed over still count in the progress, which ends at the total.
      expect(seen.at(-1)).toBe(0);
    }
  });

  it('reports progress over the compressed bytes and stops on Cancel', async () => {
    const { archive } = download();
    const seen: [number, number][] = [];
    await unpackZip(archive, 'download.zip', { onProgress: (done, total) => seen.push([done, total]) });
    const total = (await zipEntries(archive, 'download.zip')).filter((e) => e.path.startsWith('2023')).reduce((sum, e) => sum + e.compressedSize, 0);
    expect(seen.at(-1)).toEqual([total, total]);
    const cancelled = await unpackZip(archive, 'download.zip', { signal: { aborted: true } }).catch((e: CoreError) => e.code);
    expect(cancelled).toBe('CANCELLED');
  });

  it('reads a ZIP64 archive as Info-ZIP writes one (zip -fz): its end records and 64-bit sizes', async () => {
    // tests/fixtures/police-month-zip64.zip: `zip -fz -9 -r` of one month's folder; the CSV is 412 bytes, MD5 990717fb…3875.
    const archive = new Blob([readFileSync(join(__dirname, '..', 'fixtures', 'police-month-zip64.zip'))]);
    const listed = await zipEntries(archive, 'zip64.zip');
    expect(listed.map((e) => [e.path, e.size])).toEqual([['2023-01/', 0], ['2023-01/2023-01-city-of-london-street.csv', 412]]);
    const { entries } = await unpackZip(archive, 'zip64.zip');
    const csv = new TextDecoder().decode((await bytesOf(entries[0]))!);
    expect(csv.startsWith(STREET_HEADER)).toBe(true);
    expect(csv.split('\n').filter((line) => line.includes('Cheapside'))).toHaveLength(2);
  });

  it('refuses a download cut short, naming what is missing', async () => {
    const { archive } = download();
    const cut = archive.slice(0, archive.size - 200);
    expect((await refusal(cut)).message).toMatch(/^download\.zip is not a whole ZIP archive: the list of its files, kept at its end, is missing\. A download cut short/);
  });

  it('refuses an entry whose bytes do not match the checksum its archive records', async () => {
    const { archive } = download(0);
    const damaged = await patched(archive, (bytes) => {
      const local = find(bytes, 0x04034b50);
      const data = local + 30 + new DataView(bytes.buffer).getUint16(local + 26, true) + new DataView(bytes.buffer).getUint16(local + 28, true);
      bytes[data + 40] ^= 0x20;
    });
    expect((await refusal(damaged)).message).toMatch(/is a damaged ZIP archive: .* does not unpack to the bytes its list of files records \(size or checksum differs\)/);
  });

  it('stops an entry that unpacks to more than its archive lists, before memory runs out', async () => {
    const { archive } = download();
    const understated = await patched(archive, (bytes, view) => {
      for (let at = find(bytes, 0x02014b50); at >= 0; at = find(bytes, 0x02014b50, at + 4)) view.setUint32(at + 24, 10, true);
    });
    expect((await refusal(understated)).message).toMatch(/unpacks to more than the 10 bytes it lists/);
  });

  it('refuses an entry whose deflated bytes are damaged', async () => {
    const { archive } = download();
    const damaged = await patched(archive, (bytes, view) => {
      const local = find(bytes, 0x04034b50);
      const data = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      // A deflate block type that does not exist (bits 11 after the final-block bit).
      bytes[data] |= 0b110;
    });
    expect((await refusal(damaged)).message).toMatch(/is a damaged ZIP archive: .* cannot be inflated \(.*\)\. Download it again\.$/);
  });

  it('refuses entries that overlap, and an entry whose listed length runs past the archive', async () => {
    const { archive } = download();
    const directory = async (change: (view: DataView, headers: number[]) => void) =>
      patched(archive, (bytes, view) => {
        const headers: number[] = [];
        for (let at = find(bytes, 0x02014b50); at >= 0; at = find(bytes, 0x02014b50, at + 4)) headers.push(at);
        change(view, headers);
      });
    const overlapping = await directory((view, [first, second]) => view.setUint32(second + 42, view.getUint32(first + 42, true), true));
    expect((await refusal(overlapping)).message).toMatch(/is a damaged ZIP archive: .* overlaps the entry before it\.$/);
    const overlong = await directory((view, headers) => {
      for (const at of headers) view.setUint32(at + 20, archive.size, true);
    });
    expect((await refusal(overlong)).message).toMatch(/is not a whole ZIP archive: .* is cut short\./);
  });

  it('unpacks a download of many files in one pass, each byte for byte, in path order', async () => {
    const months = Array.from({ length: 60 }, (_, i) => `${2019 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
    const files = Object.fromEntries(months.map((month) => [`${month}/${month}-metropolitan-street.csv`, streetFile(month)]));
    // Written in reverse, so the archive's order is not the path order.
    const archive = new Blob([zipSync(Object.fromEntries(Object.entries(files).reverse()))]);
    const { entries } = await unpackZip(archive, 'download.zip');
    expect(unpacked(entries)).toEqual(Object.keys(files));
    // Compared as text: a deep comparison of 60 arrays of 20 kB byte by byte is slow.
    const decoded = (bytes: Uint8Array | null) => new TextDecoder().decode(bytes!);
    for (const entry of entries) expect(decoded(await bytesOf(entry))).toBe(decoded(files[entry.path]));
  });

  it('splits the entries into runs of about equal compressed bytes, each a stretch of the archive in its order', () => {
    const entry = (localHeaderOffset: number, compressedSize: number): ZipEntry => ({ path: `f${localHeaderOffset}`, method: 8, flags: 0, crc32: 0, compressedSize, size: compressedSize, localHeaderOffset });
    const entries = [entry(0, 40), entry(100, 10), entry(200, 10), entry(300, 40), entry(400, 0)];
    // 100 bytes in all: the second run starts once 50 have gone before it.
    expect(entryRuns(entries, 2).map((run) => run.map((e) => e.localHeaderOffset))).toEqual([[0, 100], [200, 300, 400]]);
    expect(entryRuns(entries, 3).map((run) => run.map((e) => e.localHeaderOffset))).toEqual([[0], [100, 200, 300], [400]]);
    expect(entryRuns(entries.slice(0, 1), 4)).toHaveLength(1);
    expect(entryRuns([], 2)).toEqual([]);
  });

  it('unpacks in several workers at once the same files, in path order, as on one thread, with progress over them all', async () => {
    const months = Array.from({ length: 9 }, (_, i) => `2023-0${i + 1}`);
    const archive = new Blob([zipSync({ ...Object.fromEntries(months.map((m) => [`${m}/${m}-metropolitan-street.csv`, streetFile(m)])), '.DS_Store': new Uint8Array([1]) })]);
    const alone = await unpackZip(archive, 'download.zip');
    for (const size of [2, 3]) {
      const stretches: number[] = [];
      // Each run is unpacked as a parse worker does.
      const unpack = (entries: ZipEntry[], onBytes: (done: number) => void) => (stretches.push(entries.length), unpackEntries(archive, 'download.zip', entries, { onProgress: onBytes }));
      const seen: [number, number][] = [];
      const { entries } = await unpackZip(archive, 'download.zip', { runs: { count: size, unpack }, onProgress: (done, total) => seen.push([done, total]) });
      expect(stretches).toHaveLength(size);
      expect(unpacked(entries)).toEqual(unpacked(alone.entries));
      for (const [k, entry] of entries.entries()) expect(await bytesOf(entry)).toEqual(await bytesOf(alone.entries[k]));
      const total = seen[0][1];
      expect(seen.at(-1)).toEqual([total, total]);
      expect(seen.every(([done], k) => k === 0 || done >= seen[k - 1][0])).toBe(true);
    }
  });

  it('lists an encrypted entry, or one packed by a method it cannot unpack, with the reason, and unpacks the rest', async () => {
    const { archive } = download();
    const odd = await patched(archive, (bytes, view) => {
      const headers: number[] = [];
      for (let at = find(bytes, 0x02014b50); at >= 0; at = find(bytes, 0x02014b50, at + 4)) headers.push(at);
      const name = (at: number) => new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + view.getUint16(at + 28, true)));
      for (const at of headers) {
        if (name(at) === '2023-02/2023-02-metropolitan-street.csv') view.setUint16(at + 8, view.getUint16(at + 8, true) | 1, true);
        if (name(at) === '2023-01/2023-01-metropolitan-outcomes.csv') view.setUint16(at + 10, 12, true);
      }
    });
    const { entries } = await unpackZip(odd, 'download.zip');
    expect(unpacked(entries)).toEqual(['refused 2023-01/2023-01-metropolitan-outcomes.csv', 'refused 2023-01/2023-01-metropolitan-stop-and-search.csv', '2023-01/2023-01-metropolitan-street.csv', 'refused 2023-02/2023-02-metropolitan-street.csv']);
    const reasons = entries.flatMap((entry) => ('refused' in entry ? [entry.refused] : []));
    expect(reasons[0]).toMatch(/^2023-01-metropolitan-outcomes\.csv is compressed with method 12, which this app cannot unpack/);
    expect(reasons[2]).toMatch(/^2023-02-metropolitan-street\.csv is encrypted \(a password-protected ZIP\)/);
  });

  it('refuses a zipped Shapefile as incident data, saying where it loads (its .prj and .cpg would be taken for tables)', async () => {
    const shapefile = new Blob([zipSync({ 'Camden.shp': new Uint8Array([0, 0, 39, 10]), 'Camden.dbf': new Uint8Array([3]), 'Camden.prj': text('PROJCS["British_National_Grid"]'), 'Camden.cpg': text('UTF-8') })]);
    expect((await refusal(shapefile)).message).toBe('download.zip is a zipped Shapefile (Camden.shp), not incident data: load it with "Load boundary file" under Study area, or with "Load zones" under PSPO zones. Incidents are read from CSV, GeoJSON or Parquet.');
  });

  it('refuses a saved workspace as incident data, saying where it opens (its data files would load, its settings not)', async () => {
    const workspace = new Blob([zipSync({ 'workspace.json': text('{"version":1}'), 'files/abc.csv': streetFile('2023-01') })]);
    expect((await refusal(workspace)).message).toBe('download.zip is a saved workspace, not incident data: open it with "Open workspace" in the Workspace panel.');
  });
});
