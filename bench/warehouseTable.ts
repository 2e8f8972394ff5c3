import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { gridDisk, latLngToCell } from 'h3-js';
import { nodeByteSource } from '../src/cli/nodeByteSource';
import { Dataset } from '../src/core/dataset';
import { aggregateCells } from '../src/core/hotspots/aggregate';
import { NO_FILTER, selectRows } from '../src/core/hotspots/filter';
import { ingestFile } from '../src/core/ingest/ingestFile';
import { record } from './figures';

/**
 * A decade of counts as a warehouse would hand them over: 2,000 res-9 cells × 120 months × 4
 * categories, about 10 million incidents in 960,000 rows, written to Parquet by DuckDB; then
 * loaded and mapped at res 9 by the same core the data worker runs.
 */
export async function benchWarehouseTable(workDir: string): Promise<void> {
  const path = join(workDir, 'warehouse-10m-incidents.parquet');
  if (!existsSync(path)) {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run('CREATE TABLE cells (h3 VARCHAR)');
    const appender = await connection.createAppender('cells');
    for (const cell of gridDisk(latLngToCell(51.51, -0.12, 9), 26).slice(0, 2000)) {
      appender.appendVarchar(cell);
      appender.endRow();
    }
    appender.closeSync();
    await connection.run(`COPY (
      SELECT h3, printf('%04d-%02d', 2015 + m // 12, m % 12 + 1) AS month, c AS category, (hash(h3, m, c) % 20 + 1)::INTEGER AS count
      FROM cells, range(120) t(m), (VALUES ('Burglary'), ('Anti-social behaviour'), ('Vehicle crime'), ('Violence and sexual offences')) v(c)
    ) TO '${path}' (FORMAT parquet, COMPRESSION zstd)`);
    connection.closeSync();
    instance.closeSync();
  }
  const started = performance.now();
  const dataset = new Dataset();
  const result = await ingestFile(dataset, await nodeByteSource(path));
  if (result.status !== 'loaded') throw new Error('the warehouse table did not load');
  const loaded = performance.now();
  const aggregate = aggregateCells(dataset, selectRows(dataset, NO_FILTER), 9);
  const mapped = performance.now();
  record('warehouse_table.rows', result.source.summary.rowsRead, 'rows');
  record('warehouse_table.incidents', result.source.summary.incidents, 'incidents');
  record('warehouse_table.cells_res9', aggregate.cells.length, 'cells');
  record('warehouse_table.load', loaded - started, 'ms');
  record('warehouse_table.load_and_map_res9', mapped - started, 'ms', '≤ 3 s');
}
