import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dataset, packCategories, unpackCategories } from '../../src/core/dataset';
import { CoreError } from '../../src/core/errors';
import { ingestFile } from '../../src/core/ingest/ingestFile';
import { BAD_INPUTS, MAPPING } from '../fixtures/badInputs';
import { memorySource, POLICE_HEADER, policeLine } from './memorySource';

describe('bad-input corpus', () => {
  it('has at least 30 kinds', () => expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(30));

  it.each(BAD_INPUTS.map((input) => [input.name, input] as const))('%s: a clear message or a reason per row', async (_, input) => {
    const dataset = new Dataset();
    const load = ingestFile(dataset, memorySource(input.name, input.bytes), { mapping: input.mapped ? MAPPING : undefined, chunkBytes: 64 });
    if (input.refused) {
      await expect(load).rejects.toBeInstanceOf(CoreError);
      await expect(ingestFile(new Dataset(), memorySource(input.name, input.bytes), { mapping: input.mapped ? MAPPING : undefined })).rejects.toThrow(input.refused);
      expect(dataset.sources).toHaveLength(0);
      return;
    }
    const result = await load;
    if (result.status !== 'loaded') throw new Error('expected a load');
    const { summary } = result.source;
    expect(summary.accepted).toBe(input.accepted);
    expect(summary.rejectCounts).toEqual(input.reasons);
    expect(summary.accepted + summary.rejected).toBe(summary.rowsRead);
  });

  it('keeps Latin-1 accents and long fields intact', async () => {
    const latin = BAD_INPUTS.find((b) => b.name === 'latin1.csv')!;
    const dataset = new Dataset();
    await ingestFile(dataset, memorySource('l.csv', latin.bytes), { mapping: MAPPING });
    expect(dataset.locations.values).toContain('Café on the High Road');
  });

  it('reports a file that changes or fails while loading, and keeps nothing from it', async () => {
    const dataset = new Dataset();
    const text = new TextEncoder().encode([POLICE_HEADER, ...Array.from({ length: 50 }, () => policeLine())].join('\n'));
    const flaky = { ...memorySource('moving.csv', text), read: async (offset: number, length: number) => {
      if (offset > 0) throw new DOMException('The file changed', 'NotReadableError');
      return text.slice(offset, offset + length);
    } };
    await expect(ingestFile(dataset, flaky, { chunkBytes: 256 })).rejects.toThrow(/moving\.csv could not be read to the end/);
    expect(dataset.sources).toHaveLength(0);
  });
});

describe('huge inputs, generated here (nothing large is kept in the repository)', () => {
  it('rejects a 2,000,000-character second line without a line break, and reads the file', async () => {
    const text = `${POLICE_HEADER}\n${policeLine()},${'x'.repeat(2_000_000)}`;
    const result = await ingestFile(new Dataset(), memorySource('long.csv', text));
    if (result.status !== 'loaded') throw new Error('expected a load');
    expect(result.source.summary.rejectCounts).toEqual({ recordTooLong: 1 });
    expect(result.source.summary.rowsRead).toBe(1);
  });

  it('refuses a header of 200,000 columns with a message', async () => {
    const header = Array.from({ length: 200_000 }, (_, i) => `c${i}`).join(',');
    await expect(ingestFile(new Dataset(), memorySource('wide.csv', `${header}\n1,2\n`))).rejects.toThrow(/first line of wide\.csv is longer than 100,000 characters/);
    await expect(ingestFile(new Dataset(), memorySource('wide.csv', `${'a,'.repeat(2_000)}a\n1\n`))).rejects.toThrow(/has 2,001 columns; at most 500/);
  });

  it('keeps 70,000 distinct categories apart (more than a 16-bit column holds)', async () => {
    const lines = Array.from({ length: 70_000 }, (_, i) => policeLine({ id: '', type: `Type ${i}` }));
    // The last category again, so its count is 2 and a wrapped id would land on category 70,000 - 65,536.
    lines.push(policeLine({ id: '', type: 'Type 69999' }));
    const dataset = new Dataset();
    const result = await ingestFile(dataset, memorySource('many.csv', [POLICE_HEADER, ...lines].join('\n')));
    if (result.status !== 'loaded') throw new Error('expected a load');
    const { summary, columns } = result.source;
    expect(dataset.categories.list).toHaveLength(70_000);
    const last = dataset.categories.list.find((c) => c.name === 'Type 69999')!;
    expect(summary.categoryCounts[last.id]).toBe(2);
    expect(summary.categoryCounts[dataset.categories.list.find((c) => c.name === 'Type 4463')!.id]).toBe(1);
    expect(columns.category[70_000]).toBe(last.id);
    // The list crosses to the page packed, and comes back the same, reusing the objects it already had.
    const unpacked = unpackCategories(packCategories(dataset.categories.list), dataset.categories.list.slice(0, 10));
    expect(unpacked).toEqual(dataset.categories.list);
    expect(unpacked[5]).toBe(dataset.categories.list[5]);
  });

  it('rejects months after today, and takes the current month', async () => {
    const text = [POLICE_HEADER, policeLine({ month: '2024-05' }), policeLine({ month: '2024-06' }), policeLine({ month: '2099-12' })].join('\n');
    const result = await ingestFile(new Dataset(), memorySource('future.csv', text), { today: new Date(2024, 4, 31) });
    if (result.status !== 'loaded') throw new Error('expected a load');
    expect(result.source.summary.accepted).toBe(1);
    expect(result.source.summary.rejectCounts).toEqual({ futureMonth: 2 });
    expect(result.source.summary.monthMax).toBe(2024 * 12 + 4);
  });
});

describe('fuzzing', () => {
  const real = [POLICE_HEADER, policeLine({ id: 'a' }), policeLine({ location: 'On or near "Park", North' }), policeLine({ lat: '', lng: '' })].join('\n');
  it('never throws anything but a CoreError on mutated files, and accounts for every row', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(real.length), fc.constantFrom('', '"', ',', '\n', '\r', '\0', 'é', 'x', ';', '\uFEFF')), { maxLength: 12 }), fc.integer({ min: 5, max: 300 }), async (edits, chunkBytes) => {
        let text = real;
        for (const [at, insert] of edits) text = text.slice(0, at) + insert + text.slice(at + (insert === '' ? 1 : 0));
        try {
          const result = await ingestFile(new Dataset(), memorySource('f.csv', text), { chunkBytes, mapping: MAPPING });
          if (result.status === 'loaded') expect(result.source.summary.accepted + result.source.summary.rejected).toBe(result.source.summary.rowsRead);
        } catch (error) {
          expect(error).toBeInstanceOf(CoreError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
