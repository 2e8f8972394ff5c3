import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cellToParent } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { nodeByteSource } from '../../src/cli/nodeByteSource';
import { Dataset } from '../../src/core/dataset';
import { ingestFile } from '../../src/core/ingest/ingestFile';
import { isParquet, parquetCellText } from '../../src/core/ingest/parquet';
import { aggregateCells } from '../../src/core/hotspots/aggregate';
import { NO_FILTER, selectRows } from '../../src/core/hotspots/filter';
import { writeWarehouseParquet } from '../fixtures/warehouseTable.mjs';

const dir = mkdtempSync(join(tmpdir(), 'parquet-'));

async function loadParquet(path: string) {
  const dataset = new Dataset();
  const result = await ingestFile(dataset, await nodeByteSource(path));
  if (result.status !== 'loaded') throw new Error('expected the table to load');
  return { dataset, source: result.source };
}

describe('H3 count tables written as Parquet by DuckDB', () => {
  for (const [h3As, compression] of [['text', 'snappy'], ['integer', 'zstd'], ['text', 'gzip']] as const) {
    it(`reads every row (h3 as ${h3As}, ${compression}) and keeps every count`, async () => {
      const path = join(dir, `table-${h3As}-${compression}.parquet`);
      const table = await writeWarehouseParquet(path, { h3As, compression });
      const { source } = await loadParquet(path);
      expect(source.summary.kind).toBe('h3');
      expect(source.summary.rowsRead).toBe(table.length);
      expect(source.summary.rejected).toBe(0);
      expect(source.summary.incidents).toBe(5000);
      expect(source.summary.h3Resolution).toBe(9);
      expect(source.summary.monthMin).not.toBeNull();
    });
  }

  it('counts per cell equal the warehouse grouping, and coarser cells are exact parent sums', async () => {
    const path = join(dir, 'cells.parquet');
    const table = await writeWarehouseParquet(path);
    const { dataset } = await loadParquet(path);
    const selection = selectRows(dataset, NO_FILTER);
    for (const resolution of [9, 8, 7]) {
      const expected = new Map<string, number>();
      for (const row of table) {
        const cell = cellToParent(row.h3, resolution);
        expected.set(cell, (expected.get(cell) ?? 0) + row.count);
      }
      const aggregate = aggregateCells(dataset, selection, resolution);
      const actual = new Map(aggregate.cells.map((cell, i) => [cell, aggregate.counts[i]]));
      expect(actual).toEqual(expected);
    }
  });

  it('recognises Parquet by its magic bytes and writes values as a CSV would hold them', () => {
    expect(isParquet(new TextEncoder().encode('PAR1xxxx'))).toBe(true);
    expect(isParquet(new TextEncoder().encode('h3,count'))).toBe(false);
    expect(parquetCellText(12n)).toBe('12');
    expect(parquetCellText(new Date(Date.UTC(2024, 2, 1)))).toBe('2024-03');
    expect(parquetCellText(null)).toBe('');
  });
});

describe('H3 count tables as CSV with 64-bit integer indexes', () => {
  it('reads decimal indexes as the cells they stand for', async () => {
    const { memorySource } = await import('./memorySource');
    const cell = '89195da5e0bffff';
    const decimal = BigInt(`0x${cell}`).toString();
    const dataset = new Dataset();
    const result = await ingestFile(dataset, memorySource('sedona.csv', `h3,count\n${decimal},4\n12345,1\n`));
    if (result.status !== 'loaded') throw new Error('expected the table to load');
    expect(result.source.summary.accepted).toBe(1);
    expect(result.source.summary.rejectCounts).toEqual({ badH3: 1 });
    expect(dataset.nativeCells.get(0)).toBe(cell);
  });
});
