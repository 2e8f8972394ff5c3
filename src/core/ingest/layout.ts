import { CoreError } from '../errors';
import { isBroken, MAX_RECORD_CHARS, type ReadRecord } from './csvRecords';
import type { MappingRequest } from './ingestFile';
import type { RowLayout } from './rowReader';
import { detectSchema, missingMappingFields, notIncidentsReason, type ColumnMapping } from './schema';

/** Widest header read: real extracts have tens of columns, and the mapping dialog lists every one. */
export const MAX_HEADER_COLUMNS = 500;

/** The column names of a file's first record, or the reason it is not a header this app can read (or not one of incidents). */
export function headerOf(record: ReadRecord, fileName: string): string[] {
  if (isBroken(record)) {
    throw new CoreError('BAD_INPUT', `The first line of ${fileName} is longer than ${MAX_RECORD_CHARS.toLocaleString('en-GB')} characters or has an unclosed quote: it is not a table header this app can read (at most ${MAX_HEADER_COLUMNS} columns).`);
  }
  if (record.length > MAX_HEADER_COLUMNS) {
    throw new CoreError('BAD_INPUT', `The header of ${fileName} has ${record.length.toLocaleString('en-GB')} columns; at most ${MAX_HEADER_COLUMNS} are read. Keep the columns you need and save it again.`);
  }
  const refusal = notIncidentsRefusal(record, fileName);
  if (refusal) throw new CoreError('BAD_INPUT', refusal);
  return record.map((name) => name.trim());
}

/** Why a file is refused when its header shows it holds no incidents (a police.uk outcomes or stop-and-search file), or null. */
export function notIncidentsRefusal(header: readonly string[], fileName: string): string | null {
  const reason = notIncidentsReason(header.map((name) => name.trim()));
  return reason && `${fileName} ${reason}`;
}

/** How rows under this header are read: police.uk and H3 tables by their columns, anything else by the user's mapping (asked for when missing). */
export function layoutFor(header: string[], mapping: ColumnMapping | undefined): RowLayout | { request: MappingRequest } {
  const schema = detectSchema(header);
  if (schema.kind === 'police.uk') return { kind: 'police.uk' };
  if (schema.kind === 'h3') return { kind: 'h3', columns: schema.columns, columnCount: header.length };
  if (!mapping) return { request: { header, sampleRows: [], guess: schema.guess } };
  const missing = missingMappingFields(mapping, header);
  if (missing.length > 0) throw new CoreError('BAD_MAPPING', `The column mapping does not fit this file: ${missing.join(', ')} not found.`);
  return { kind: 'mapped', mapping, header };
}
