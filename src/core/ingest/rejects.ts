import { CoreError } from '../errors';
import { csvLine } from '../export/csv';
import { MAX_RECORD_CHARS } from './csvRecords';

/**
 * Why a row was not loaded. Every input row is either accepted or rejected with exactly one reason.
 */
export const REJECT_REASONS = {
  wrongColumns: 'Wrong number of columns',
  noCoordinates: 'No coordinates',
  notPoint: 'Not a point (a line or an area)',
  badCoordinates: 'Coordinates are not numbers',
  swappedCoordinates: 'Latitude and longitude look swapped',
  outsideUk: 'Coordinates outside the UK',
  badDate: 'Unparseable or impossible date',
  futureMonth: 'Dated after today',
  noCategory: 'No category',
  duplicate: 'Duplicate of an earlier row (same Crime ID)',
  badH3: 'Invalid H3 index',
  badCount: 'Invalid count',
  recordTooLong: `Record longer than ${MAX_RECORD_CHARS.toLocaleString('en-GB')} characters`,
  unclosedQuote: 'A quote is not closed (the field would run into the lines after it)',
} as const;

export type RejectReason = keyof typeof REJECT_REASONS;

/** Most rejected lines kept for download; beyond it only counts are kept (a wholly broken 1 GB file must not fill memory). */
export const MAX_KEPT_REJECTED_LINES = 200_000;

export class RejectLog {
  /** The file's header, so the download has the original columns. */
  constructor(readonly header: readonly string[]) {}

  readonly counts: Partial<Record<RejectReason, number>> = {};
  total = 0;
  /** Original fields, CSV-encoded, then the reason: one string per kept line. */
  readonly lines: string[] = [];

  add(reason: RejectReason, fields: readonly string[], lineNumber: number): void {
    this.counts[reason] = (this.counts[reason] ?? 0) + 1;
    this.total++;
    if (this.lines.length < MAX_KEPT_REJECTED_LINES) {
      this.lines.push(csvLine([lineNumber, ...fields, REJECT_REASONS[reason]]));
    }
  }

  /** Counts the rejects of a part of a file read on its own (its lines follow through `keepPartLine`). */
  addPart(part: Pick<RejectLog, 'counts' | 'total'>): void {
    for (const [reason, count] of Object.entries(part.counts) as [RejectReason, number][]) this.counts[reason] = (this.counts[reason] ?? 0) + count;
    this.total += part.total;
  }

  /** A line of a part's log, its number moved on by `lineOffset`, kept while there is room. */
  keepPartLine(line: string, lineOffset: number): void {
    if (this.lines.length >= MAX_KEPT_REJECTED_LINES) return;
    this.lines.push(lineOffset === 0 ? line : `${lineNumberOf(line) + lineOffset}${line.slice(line.indexOf(','))}`);
  }
}

/** The line number a kept line starts with (written as a bare number, never quoted). */
export function lineNumberOf(line: string): number {
  return Number(line.slice(0, line.indexOf(',')));
}

/** The rejected rows as a CSV: the line number, the original columns, and the reason. */
export function rejectedRowsCsv(log: RejectLog): string {
  return [csvLine(['line', ...log.header, 'reason']), ...log.lines].join('\r\n') + '\r\n';
}

/**
 * Rejected rows of several files of one layout (a batch of monthly files) as one CSV: the file
 * name first, then the line number, the original columns and the reason. The header is the first
 * file's; files of another layout would not line up, so they are refused.
 */
export function combinedRejectedRowsCsv(files: readonly { file: string; log: RejectLog }[]): string {
  const header = files[0]?.log.header ?? [];
  const sameLayout = files.every(({ log }) => log.header.length === header.length && log.header.every((name, i) => name === header[i]));
  if (!sameLayout) throw new CoreError('BAD_INPUT', 'These files have different columns; download their rejected rows one file at a time.');
  const lines = [csvLine(['file', 'line', ...header, 'reason'])];
  for (const { file, log } of files) for (const line of log.lines) lines.push(`${csvLine([file])},${line}`);
  return lines.join('\r\n') + '\r\n';
}
