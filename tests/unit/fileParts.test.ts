import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dataset, type IncidentSource } from '../../src/core/dataset';
import { identifyFile } from '../../src/core/ingest/contentHash';
import { CsvRecordReader, isBroken } from '../../src/core/ingest/csvRecords';
import { readPart, withHeadRequested, type ParsedPart } from '../../src/core/ingest/filePart';
import { partRanges, splittableLayout } from '../../src/core/ingest/partPlan';
import { blobByteSource, ingestFile, type ByteSource } from '../../src/core/ingest/ingestFile';
import { mergeParts } from '../../src/core/ingest/mergeParts';
import { rejectedRowsCsv } from '../../src/core/ingest/rejects';
import { SourceBuilder } from '../../src/core/ingest/sourceBuilder';
import { memorySource, POLICE_HEADER, policeLine } from './memorySource';

const TODAY = new Date(2024, 5, 15);

/** The file read by one reader, as the app reads a small file. */
async function whole(file: ByteSource, chunkBytes = 64): Promise<{ dataset: Dataset; source: IncidentSource }> {
  const dataset = new Dataset();
  const result = await ingestFile(dataset, file, { today: TODAY, chunkBytes });
  if (result.status !== 'loaded') throw new Error('not loaded');
  return { dataset, source: result.source };
}

/** The reference: every record split into fields by the CSV reader and read by SourceBuilder.add. */
async function fieldByField(file: ByteSource): Promise<{ dataset: Dataset; source: IncidentSource }> {
  const reader = new CsvRecordReader();
  const [header, ...records] = [...reader.push(new TextDecoder().decode(await file.read(0, file.size))), ...reader.end()];
  const dataset = new Dataset();
  const builder = new SourceBuilder(dataset, { kind: 'police.uk' }, header as string[], TODAY);
  records.forEach((record, i) => (isBroken(record) ? builder.reject(record.broken, record.text.split(','), i + 2) : builder.add(record, i + 2)));
  return { dataset, source: builder.finish({ name: file.name, bytes: file.size, fingerprint: await identifyFile(file) }) };
}

/** The file cut at `cuts` (byte offsets), each part read on its own and merged; null when a cut fell inside a record. */
async function inParts(file: ByteSource, cuts: number[]): Promise<{ dataset: Dataset; source: IncidentSource } | null> {
  const layout = await splittableLayout(file, undefined);
  if (!layout) throw new Error('not splittable');
  const edges = [0, ...[...new Set(cuts)].filter((cut) => cut > 0 && cut < file.size).sort((a, b) => a - b), file.size];
  const parts: ParsedPart[] = [];
  for (let k = 0; k + 1 < edges.length; k++) {
    const part = await readPart(file, { from: edges[k], to: edges[k + 1] }, { today: TODAY, chunkBytes: 16 + k * 7 }, k > 0 ? layout : undefined);
    if (part.status !== 'parsed') throw new Error('not parsed');
    parts.push(part);
  }
  const dataset = new Dataset();
  const source = await mergeParts(dataset, file, parts);
  return source && { dataset, source };
}

/** Everything a reader leaves behind: the source's summary, columns and rejected rows, and the dataset's tables. */
function tables({ dataset, source }: { dataset: Dataset; source: IncidentSource }) {
  return {
    summary: source.summary,
    columns: source.columns,
    rejected: rejectedRowsCsv(source.rejects),
    points: [dataset.points.lat.trimmed(), dataset.points.lng.trimmed()],
    categories: dataset.categories.list,
    locations: dataset.locations.values,
    lsoaNames: dataset.lsoaNames.values,
    cells: [...source.columns.point].map((point) => dataset.cellsAt(9).cells[dataset.cellsAt(9).cellOfPoint[point]]),
  };
}

const ids = ['a1', 'b2', 'c3', 'f'.repeat(64), 'e'.repeat(63) + '1', ''];
const line = fc.oneof(
  { weight: 12, arbitrary: fc.record({ id: fc.constantFrom(...ids), month: fc.constantFrom('2023-01', '2024-02', '2030-01', '2023-13'), lng: fc.constantFrom('-0.279', '-0.2790001', '-0.28', '', '1e9'), lat: fc.constantFrom('51.556', '51.5', ''), location: fc.constantFrom('On or near High Road', 'On or near A, B', 'Say "hi"', 'On or\nnear Two Lines', 'On or near Café Parade', 'Return\rin a field'), type: fc.constantFrom('Burglary', 'Anti-social behaviour', '', 'Drugs'), outcome: fc.constantFrom('', 'Under investigation'), lsoa: fc.constantFrom('Brent 001A', 'Brent 012A') }).map((fields) => policeLine(fields)) },
  { weight: 1, arbitrary: fc.constantFrom('', 'x,"broken', '"unclosed,1,2', 'a,b', 'é,ü,"ß"') },
);

describe('police.uk lines read from their bytes', () => {
  it('give the tables of the field-by-field path (the CSV reader, then SourceBuilder.add)', async () => {
    await fc.assert(
      // Pieces of 16 bytes carry most lines over to the next piece; pieces of 4 KiB hold whole lines.
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 60 }), fc.constantFrom('\n', '\r\n'), fc.constantFrom(16, 4096), async (lines, newline, chunkBytes) => {
        const file = memorySource('lines.csv', [POLICE_HEADER, ...lines, ...lines.filter((_, i) => i % 2 === 0)].join(newline));
        expect(tables(await whole(file, chunkBytes))).toEqual(tables(await fieldByField(file)));
      }),
      { numRuns: 200 },
    );
  });
});

describe('a file read in parts by several workers', () => {
  it('gives the same tables as one reader, wherever it is cut (rejects, line numbers, repeated IDs, duplicates across cuts)', async () => {
    let merged = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 60 }), fc.array(fc.nat(), { maxLength: 4 }), fc.constantFrom('\n', '\r\n'), async (lines, cutSeeds, newline) => {
        // Repeating earlier lines makes duplicates and repeated IDs on both sides of the cuts.
        const body = [...lines, ...lines.filter((_, i) => i % 3 === 0)];
        const file = memorySource('parts.csv', [POLICE_HEADER, ...body].join(newline) + newline);
        const cuts = cutSeeds.map((seed) => seed % file.size);
        const split = await inParts(file, cuts);
        if (!split) return;
        merged++;
        expect(tables(split)).toEqual(tables(await whole(file)));
      }),
      { numRuns: 300 },
    );
    // Most cuts fall between records; only a cut inside a quoted line break sends the file to one reader.
    expect(merged).toBeGreaterThan(150);
  });

  it('gives the same identity to a file of several 4 MiB blocks, cut at block boundaries', async () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => policeLine({ id: (i % 7 === 0 ? '' : `${i % 40_000}`.padStart(64, '0')), lng: (-0.3 + (i % 500) / 10_000).toFixed(6), month: '2023-0' + (1 + (i % 9)) }));
    const file = memorySource('big.csv', [POLICE_HEADER, ...rows].join('\n') + '\n');
    expect(file.size).toBeGreaterThan(9 << 20);
    const cuts = partRanges(file.size, 3).map((range) => range.from);
    const split = await inParts(file, cuts);
    expect(split).not.toBeNull();
    const single = await whole(file);
    expect(split!.source.summary.fingerprint).toBe(single.source.summary.fingerprint);
    expect(split!.source.summary.repeatedIds).toBe(single.source.summary.repeatedIds);
    expect(split!.source.summary.rejectCounts).toEqual(single.source.summary.rejectCounts);
    expect(rejectedRowsCsv(split!.source.rejects)).toBe(rejectedRowsCsv(single.source.rejects));
  });
});

describe('a batch of files read by workers that keep their tables from file to file', () => {
  it('gives the sources and dataset tables of reading the files one after another', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(line, { minLength: 1, maxLength: 15 }), { minLength: 1, maxLength: 5 }), fc.array(fc.nat(1), { minLength: 5, maxLength: 5 }), async (bodies, workerOf) => {
        const files = bodies.map((body, i) => memorySource(`2023-0${i + 1}-metropolitan-street.csv`, [POLICE_HEADER, ...body].join('\n')));
        const oneByOne = new Dataset();
        const expected = [];
        for (const file of files) {
          const result = await ingestFile(oneByOne, file, { today: TODAY });
          if (result.status === 'loaded') expected.push(tables({ dataset: oneByOne, source: result.source }));
        }
        // Two workers, each keeping its tables: every file read whole by one of them, merged in file order.
        const workers = [0, 1].map((w) => ({ dataset: new Dataset(), name: `worker-${w}` }));
        const parts = [];
        for (const [i, file] of files.entries()) parts.push(await readPart(file, { from: 0, to: file.size }, { today: TODAY }, undefined, workers[workerOf[i]]));
        const merged = new Dataset();
        const remaps = new Map();
        const actual = [];
        for (const [i, part] of parts.entries()) {
          if (part.status !== 'parsed') throw new Error('not parsed');
          actual.push(tables({ dataset: merged, source: (await mergeParts(merged, files[i], [part], remaps))! }));
        }
        expect(actual).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});

describe('a part whose first bytes are asked for before it is read', () => {
  it('reads them once, serves reads inside them from them, and gives the tables of a plain read', async () => {
    const text = [POLICE_HEADER, ...Array.from({ length: 40 }, (_, i) => policeLine({ id: `id${i}`, location: `On or near Road ${i}` }))].join('\n');
    const plain = memorySource('2023-01-metropolitan-street.csv', text);
    const reads: [number, number][] = [];
    const counted: ByteSource = { ...plain, read: (offset, length) => (reads.push([offset, length]), plain.read(offset, length)) };
    const early = withHeadRequested(counted, 0, 1024);
    expect(reads).toEqual([[0, 1024]]);
    expect(new TextDecoder().decode(await early.read(0, 9))).toBe('Crime ID,');
    expect(reads).toHaveLength(1);
    // Past the first slice: read from the file itself.
    await early.read(1000, 100);
    expect(reads).toEqual([[0, 1024], [1000, 100]]);
    const options = { today: TODAY, chunkBytes: 1024 };
    const fromHead = await readPart(withHeadRequested(plain, 0, 1024), { from: 0, to: plain.size }, options);
    const fromFile = await readPart(plain, { from: 0, to: plain.size }, options);
    expect(fromHead).toEqual(fromFile);
  });
});

/** A source that fills the chunks a reader releases again, as a blob's stream does, and scribbles over them first: a reader still holding a view of a released chunk would read commas. */
function recycling(file: ByteSource): ByteSource & { released: number } {
  const spare: ArrayBuffer[] = [];
  const source = {
    name: file.name,
    size: file.size,
    released: 0,
    read: async (offset: number, length: number) => {
      const bytes = await file.read(offset, length);
      const reused = spare.pop();
      if (!reused || reused.byteLength < bytes.length) return bytes;
      const out = new Uint8Array(reused, 0, bytes.length);
      out.set(bytes);
      return out;
    },
    release: (bytes: Uint8Array) => {
      bytes.fill(0x2c);
      source.released++;
      spare.push(bytes.buffer as ArrayBuffer);
    },
  };
  return source;
}

describe('a reader that gives its chunks back to be filled again', () => {
  it('keeps no view of them: a file of several 4 MiB blocks gives the tables of a plain read, whole or in parts', async () => {
    const locations = ['On or near High Road', 'On or near A, B', 'Say "hi"', 'On or\nnear Two Lines', 'On or near Café Parade'];
    const rows = Array.from({ length: 60_000 }, (_, i) => policeLine({ id: i % 7 === 0 ? '' : `${i % 40_000}`.padStart(64, '0'), lng: (-0.3 + (i % 500) / 10_000).toFixed(6), location: locations[i % 997 === 0 ? 1 + (i % 4) : 0] }));
    const text = [POLICE_HEADER, ...rows].join('\n') + '\n';
    const plain = memorySource('big.csv', text);
    const reused = recycling(memorySource('big.csv', text));
    expect(tables(await whole(reused, 4 << 20))).toEqual(tables(await whole(plain, 4 << 20)));
    expect(reused.released).toBeGreaterThan(0);
    const layout = (await splittableLayout(plain, undefined))!;
    const parts = (source: ByteSource) => Promise.all(partRanges(plain.size, 3).map((range, k) => readPart(source, range, { today: TODAY }, k > 0 ? layout : undefined)));
    expect(await parts(recycling(memorySource('big.csv', text)))).toEqual(await parts(plain));
  });
});

describe('a Blob read in slices', () => {
  it('gives the bytes asked for, whether reads follow one another (one stream), jump about, run past the end or are asked for before the last is answered', async () => {
    const bytes = Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919) % 251);
    const size = bytes.length;
    // A blob of several parts streams one piece a part, so a read is filled from several and leaves a remainder for the next.
    const blob = new Blob(Array.from({ length: 7 }, (_, k) => bytes.subarray(k * 450, (k + 1) * 450)));
    const read = fc.tuple(fc.nat(size + 10), fc.integer({ min: 1, max: 1500 }), fc.boolean());
    await fc.assert(
      fc.asyncProperty(fc.array(read, { minLength: 1, maxLength: 12 }), async (reads) => {
        const source = blobByteSource(blob, 'bytes.bin');
        let next = 0;
        const asked = reads.map(([jump, length, follows]) => {
          const offset = follows ? Math.min(next, size) : jump;
          next = Math.min(size, offset + length);
          return { offset, length, answer: source.read(offset, length) };
        });
        for (const { offset, length, answer } of asked) expect(await answer).toEqual(bytes.slice(offset, offset + length));
      }),
      { numRuns: 200 },
    );
  });

  it('gives a part the tables it has when read from memory', async () => {
    const text = [POLICE_HEADER, ...Array.from({ length: 3000 }, (_, i) => policeLine({ id: `id${i}`, location: `On or near Road ${i % 97}` }))].join('\n');
    const options = { today: TODAY, chunkBytes: 4096 };
    const fromBlob = await readPart(blobByteSource(new Blob([text]), 'p.csv'), { from: 0, to: text.length }, options);
    const fromMemory = await readPart(memorySource('p.csv', text), { from: 0, to: text.length }, options);
    expect(fromBlob).toEqual(fromMemory);
  });
});
