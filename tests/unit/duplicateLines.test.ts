import { describe, expect, it } from 'vitest';
import { GrowableColumn } from '../../src/core/ingest/columns';
import { DuplicateLines, duplicatesInOrder, SeenLinesFilter } from '../../src/core/ingest/duplicateLines';

/** A random generator with a seed, so a failing case can be run again. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** One reader's verdicts, row after row: which rows repeat an earlier line, and the repeated IDs. */
function oneReader(runs: { key: Float64Array; lineHash: Uint32Array }[]): { duplicates: number[][]; repeatedIds: number } {
  const lines = new DuplicateLines(-1);
  const duplicates = runs.map((run) => [...run.key.keys()].filter((i) => lines.seen(run.key[i], run.lineHash[i])));
  return { duplicates, repeatedIds: lines.repeatedIds };
}

/**
 * Rows of a split file with IDs as police.uk keys them: 52-bit hex prefixes and hashed other IDs
 * (2^52 + a 32-bit hash), some repeated with the same line (a duplicate) or another (a repeated ID).
 */
function runsOf(random: () => number, sizes: number[]): { key: Float64Array; lineHash: Uint32Array }[] {
  const earlier: [number, number][] = [];
  return sizes.map((size) => {
    const key = new Float64Array(size);
    const lineHash = new Uint32Array(size);
    for (let i = 0; i < size; i++) {
      const pick = random();
      if (earlier.length > 0 && pick < 0.1) {
        const [k, h] = earlier[Math.floor(random() * earlier.length)];
        key[i] = k;
        lineHash[i] = pick < 0.05 ? h : Math.floor(random() * 4) + h;
      } else {
        key[i] = pick < 0.6 ? Math.floor(random() * 2 ** 52) : 2 ** 52 + Math.floor(random() * 2 ** 32);
        lineHash[i] = Math.floor(random() * 2 ** 32);
      }
      earlier.push([key[i], lineHash[i]]);
    }
    return { key, lineHash };
  });
}

describe('duplicate lines', () => {
  it('tells a repeated line from a repeated ID with another line (hand-made rows)', () => {
    const lines = new DuplicateLines(-1);
    expect(lines.seen(7, 100)).toBe(false);
    expect(lines.seen(7, 100)).toBe(true); // the same line again: a duplicate
    expect(lines.seen(7, 200)).toBe(false); // the same ID, another line: kept, counted
    expect(lines.seen(7, 200)).toBe(true);
    expect(lines.seen(8, 100)).toBe(false); // another ID with the first line's hash: not a duplicate
    expect(lines.repeatedIds).toBe(1);
    lines.forgetLines();
    expect(lines.seen(7, 100)).toBe(false);
    expect(lines.repeatedIds).toBe(1);
  });

  it('checked bucket by bucket, the rows of a split file get one reader’s verdicts', () => {
    // From a few rows (one bucket) to enough for eight buckets, in one to four runs, some empty.
    const splits = [[700], [300, 0, 500], [1000, 10, 800, 5], [40_000, 30_000], [20_000, 25_000, 30_000, 1000], [140_000, 5, 120_000]];
    for (const [seed, sizes] of splits.entries()) {
      const runs = runsOf(seeded(seed + 1), sizes);
      expect(duplicatesInOrder(runs), `runs of ${sizes.join(', ')} rows`).toEqual(oneReader(runs));
    }
  });

  it('counts duplicates and repeated IDs across runs by hand', () => {
    const runs = [
      { key: Float64Array.of(1, 2, 3), lineHash: Uint32Array.of(10, 20, 30) },
      { key: Float64Array.of(2, 3, 4, 1), lineHash: Uint32Array.of(20, 31, 40, 10) },
      { key: Float64Array.of(3, 5), lineHash: Uint32Array.of(31, 50) },
    ];
    // Run 2 repeats 2/20 and 1/10; 3/31 is a new line of ID 3 (counted), repeated in run 3.
    expect(duplicatesInOrder(runs)).toEqual({ duplicates: [[], [0, 3], [0]], repeatedIds: 1 });
  });

  it('a part’s filter never clears a line seen before, however it grows, and clears almost every new one', () => {
    const random = seeded(42);
    const seen = { key: new GrowableColumn(Float64Array), lineHash: new GrowableColumn(Uint32Array) };
    // Sized for far fewer lines than come, so it grows several times.
    const filter = new SeenLinesFilter(seen, 1000);
    let maybeNew = 0;
    const lines = 200_000;
    for (let i = 0; i < lines; i++) {
      const key = Math.floor(random() * 2 ** 52);
      const lineHash = Math.floor(random() * 2 ** 32);
      if (filter.add(key, lineHash)) maybeNew++;
      seen.key.push(key);
      seen.lineHash.push(lineHash);
      // Every tenth line, an earlier line again: always "maybe".
      if (i % 10 === 9) {
        const earlier = Math.floor(random() * seen.key.length);
        expect(filter.add(seen.key.get(earlier), seen.lineHash.get(earlier))).toBe(true);
        seen.key.push(seen.key.get(earlier));
        seen.lineHash.push(seen.lineHash.get(earlier));
      }
    }
    expect(maybeNew / lines).toBeLessThan(1 / 100);
  });
});
