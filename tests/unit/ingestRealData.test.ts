import { latLngToCell } from 'h3-js';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeByteSource } from '../../src/cli/nodeByteSource';
import { Dataset } from '../../src/core/dataset';
import { aggregateCells } from '../../src/core/hotspots/aggregate';
import { NO_FILTER, selectRows } from '../../src/core/hotspots/filter';
import { ingestFile } from '../../src/core/ingest/ingestFile';
import { CITY_DIR, csvFiles, hasRealData, MET_DIR, SKIP_MESSAGE } from './realData';

if (!hasRealData) console.warn(SKIP_MESSAGE);

async function loadAll(dir: string): Promise<Dataset> {
  const dataset = new Dataset();
  for (const path of csvFiles(dir)) await ingestFile(dataset, await nodeByteSource(path));
  return dataset;
}

const sum = (dataset: Dataset, pick: (s: Dataset['sources'][number]['summary']) => number) => dataset.sources.reduce((total, source) => total + pick(source.summary), 0);

describe.skipIf(!hasRealData)('real police.uk extracts', () => {
  // Expected figures were counted with Python's csv module, not with this project's code.
  it('City of London 2023 H1: 4,482 rows, 308 without coordinates, 42 repeated Crime IDs', async () => {
    const dataset = await loadAll(CITY_DIR);
    expect(sum(dataset, (s) => s.rowsRead)).toBe(4482);
    expect(sum(dataset, (s) => s.accepted)).toBe(4174);
    expect(sum(dataset, (s) => s.rejectCounts.noCoordinates ?? 0)).toBe(308);
    expect(sum(dataset, (s) => s.rejected)).toBe(308);
    expect(sum(dataset, (s) => s.repeatedIds)).toBe(42);
    expect(dataset.categories.list).toHaveLength(14);
  });

  it('Met burglary 2022-2023: 109,858 rows, 3,186 without coordinates, 322 exact duplicates, 1,163 repeated IDs', async () => {
    const dataset = await loadAll(MET_DIR);
    expect(sum(dataset, (s) => s.rowsRead)).toBe(109_858);
    expect(sum(dataset, (s) => s.accepted)).toBe(106_350);
    expect(sum(dataset, (s) => s.rejectCounts.noCoordinates ?? 0)).toBe(3186);
    expect(sum(dataset, (s) => s.rejectCounts.duplicate ?? 0)).toBe(322);
    expect(sum(dataset, (s) => s.rejected)).toBe(3508);
    expect(sum(dataset, (s) => s.repeatedIds)).toBe(1163);
  });

  it('aggregates the City of London to res-10 cells exactly as a direct count of the raw rows', async () => {
    const dataset = await loadAll(CITY_DIR);
    const aggregate = aggregateCells(dataset, selectRows(dataset, NO_FILTER), 10);
    const expected = new Map<string, number>();
    for (const path of csvFiles(CITY_DIR)) {
      const rows = Papa.parse<string[]>(readFileSync(path, 'utf8'), { skipEmptyLines: true }).data.slice(1);
      for (const row of rows) {
        if (row[4] === '' || row[5] === '') continue;
        const cell = latLngToCell(Number(row[5]), Number(row[4]), 10);
        expected.set(cell, (expected.get(cell) ?? 0) + 1);
      }
    }
    const actual = new Map(aggregate.cells.map((cell, i) => [cell, aggregate.counts[i]]));
    expect(actual).toEqual(expected);
  });
});
