import { parquetMetadataAsync, parquetRead, parquetSchema, type AsyncBuffer } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import type { Dataset } from '../dataset';
import { CoreError } from '../errors';
import type { ByteSource, IngestOptions, IngestResult } from './ingestFile';
import { detectSchema } from './schema';
import { SourceBuilder } from './sourceBuilder';

/** Parquet files start (and end) with these four bytes. */
export function isParquet(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x41 && head[2] === 0x52 && head[3] === 0x31;
}

function asyncBuffer(file: ByteSource): AsyncBuffer {
  return {
    byteLength: file.size,
    slice: async (start, end = file.size) => {
      const bytes = await file.read(start, end - start);
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    },
  };
}

/**
 * A Parquet value as the text a CSV of the same table would hold, so both forms go through one
 * row check. Warehouses write H3 indexes as text or as 64-bit integers (DuckDB's `h3_latlng_to_cell`,
 * BigQuery's INT64), months as text, dates or timestamps.
 */
export function parquetCellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 7);
  return String(value);
}

/** An H3 index written as a 64-bit integer becomes its 15-digit hex text; text stays as it is. */
function h3Text(value: unknown): string {
  if (typeof value === 'bigint') return value.toString(16);
  if (typeof value === 'number' && Number.isInteger(value) && value > 2 ** 53) return '';
  return parquetCellText(value);
}

/**
 * Reads a pre-aggregated H3 table written as Parquet (DuckDB, Spark, BigQuery), row group by row
 * group, through the same column contract and row checks as the CSV form: `h3` and `count`, with
 * optional `month` and `category`. Anything else is refused with the columns it has.
 */
export async function ingestParquet(dataset: Dataset, file: ByteSource, options: IngestOptions, fingerprint: string): Promise<IngestResult> {
  const started = performance.now();
  const buffer = asyncBuffer(file);
  let metadata;
  try {
    metadata = await parquetMetadataAsync(buffer);
  } catch (error) {
    throw new CoreError('BAD_INPUT', `${file.name} is not a readable Parquet file (${error instanceof Error ? error.message : String(error)}).`);
  }
  const header = parquetSchema(metadata).children.map((child) => child.element.name);
  const schema = detectSchema(header);
  if (schema.kind !== 'h3') {
    throw new CoreError('BAD_INPUT', `${file.name} is a Parquet file, which is read as a table of H3 counts: it needs an h3 column and a count column (it has ${header.join(', ')}).`);
  }
  const { columns } = schema;
  const builder = new SourceBuilder(dataset, { kind: 'h3', columns, columnCount: header.length }, header);
  let row = 0;
  for (const group of metadata.row_groups) {
    if (options.signal?.aborted) throw new CoreError('CANCELLED', `Loading ${file.name} was cancelled.`);
    const rowEnd = row + Number(group.num_rows);
    await parquetRead({
      file: buffer,
      metadata,
      compressors,
      rowStart: row,
      rowEnd,
      rowFormat: 'array',
      onComplete: (rows: unknown[][]) => {
        for (const values of rows) {
          const fields = values.map((value, i) => (i === columns.h3 ? h3Text(value) : parquetCellText(value)));
          // Line numbers as a CSV of the table would have them: the header is line 1.
          builder.add(fields, ++row + 1);
        }
      },
    });
    row = rowEnd;
    options.onProgress?.({ bytesRead: Math.round((file.size * row) / Math.max(1, Number(metadata.num_rows))), bytesTotal: file.size, rows: row, elapsedMs: performance.now() - started });
  }
  const source = builder.finish({ name: file.name, bytes: file.size, fingerprint });
  if (!options.detached) dataset.addSource(source);
  return { status: 'loaded', source };
}
