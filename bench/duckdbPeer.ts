/**
 * The peer in the browser benchmark, bundled for the page by bench/browserPeer.mjs: DuckDB-WASM
 * starts, reads the same police.uk CSV the app loads (`read_csv`), then groups it by rounded
 * coordinates, as the app groups incidents into cells. Never part of the app.
 */
import { AsyncDuckDB, DuckDBDataProtocol, VoidLogger } from '@duckdb/duckdb-wasm';

export interface PeerTimes {
  startupMs: number;
  readCsvMs: number;
  groupByMs: number;
  rows: number;
  groups: number;
}

export async function runDuckDbPeer(file: File, assetBase: string): Promise<PeerTimes> {
  const started = performance.now();
  const worker = new Worker(`${assetBase}duckdb-browser-eh.worker.js`);
  const db = new AsyncDuckDB(new VoidLogger(), worker);
  await db.instantiate(`${assetBase}duckdb-eh.wasm`);
  const connection = await db.connect();
  const ready = performance.now();
  await db.registerFileHandle('police.csv', file, DuckDBDataProtocol.BROWSER_FILEREADER, true);
  await connection.query("CREATE TABLE police AS SELECT * FROM read_csv('police.csv', header = true)");
  const read = performance.now();
  const grouped = await connection.query('SELECT round("Latitude", 3) AS lat, round("Longitude", 3) AS lng, count(*) AS incidents FROM police WHERE "Latitude" IS NOT NULL GROUP BY 1, 2');
  const done = performance.now();
  const rows = Number((await connection.query('SELECT count(*) AS n FROM police')).getChildAt(0)?.get(0));
  await connection.close();
  await db.terminate();
  worker.terminate();
  return { startupMs: ready - started, readCsvMs: read - ready, groupByMs: done - read, rows, groups: grouped.numRows };
}
