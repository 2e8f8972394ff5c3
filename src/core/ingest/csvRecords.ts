/**
 * Turns a stream of decoded text into CSV records without ever holding the whole file.
 * Records end at CRLF, LF or a lone CR (classic Mac); a field that starts with a quote may hold
 * delimiters, line breaks and doubled quotes. Work per record is bounded: a record longer than
 * MAX_RECORD_CHARS is reported as too long and skipped to the next line break, and a quote that
 * is not closed properly costs only the physical line it is on (see `brokenQuote`).
 */
export const MAX_RECORD_CHARS = 100_000;

/** A record that could not be read, with the start of its text (for the rejected-rows download). */
export interface BrokenRecord {
  broken: 'recordTooLong' | 'unclosedQuote';
  text: string;
}

export type ReadRecord = string[] | BrokenRecord;

export const isBroken = (record: ReadRecord): record is BrokenRecord => !Array.isArray(record);

const QUOTE = 34;
const LF = 10;
const CR = 13;
/** Characters of a too-long record kept for the rejected-rows download. */
const KEPT_TEXT_CHARS = 200;

export class CsvRecordReader {
  private carry = '';
  private delimiter = '';
  private delimiterCode = 0;
  /** After a too-long record: text is dropped until the next line break. */
  private skippingLine = false;
  private started = false;
  /**
   * Fields per record, from the header: a record that runs over several lines (a quoted field
   * with line breaks) but has another number of fields is a stray quote, not a real record.
   */
  private expectedFields = 0;

  /** A reader that starts after the header (a later part of a split file): the header gave the delimiter and width. */
  constructor(continuing?: { delimiter: string; fields: number }) {
    if (!continuing) return;
    this.delimiter = continuing.delimiter;
    this.delimiterCode = continuing.delimiter.charCodeAt(0);
    this.expectedFields = continuing.fields;
    this.started = true;
  }

  /** True when everything pushed ended whole records: the text could have been cut here. */
  get atRecordBoundary(): boolean {
    return this.carry === '' && !this.skippingLine;
  }

  /** Records completed by this chunk of text. */
  push(text: string): ReadRecord[] {
    return this.read(this.carry + text, false);
  }

  /** Records left at the end of the input (a last line without a line break). */
  end(): ReadRecord[] {
    return this.read(this.carry, true);
  }

  private read(input: string, final: boolean): ReadRecord[] {
    let text = input;
    if (!this.started) {
      // The delimiter is read from the whole first line, so wait for it (or for the record limit).
      if (!final && lineBreakAt(text, 0, MAX_RECORD_CHARS) < 0 && text.length <= MAX_RECORD_CHARS) {
        this.carry = text;
        return [];
      }
      text = text.replace(/^\uFEFF/, '');
      this.delimiter = detectDelimiter(text);
      this.delimiterCode = this.delimiter.charCodeAt(0);
      this.started = true;
    }
    const records: ReadRecord[] = [];
    let pos = 0;
    if (this.skippingLine) pos = this.skipLine(text, 0, final);
    while (pos >= 0 && pos < text.length) pos = this.readRecord(text, pos, final, records);
    this.carry = pos < 0 ? text.slice(-pos - 1) : '';
    return records;
  }

  /** Position after the line break ending the line at `from`; -1 - from when the break is not in this text yet. */
  private skipLine(text: string, from: number, final: boolean): number {
    const at = lineBreakAt(text, from, text.length);
    if (at < 0 || (at === text.length - 1 && text.charCodeAt(at) === CR && !final)) {
      // Everything up to here belongs to the skipped line; a trailing CR may still pair with an LF.
      this.skippingLine = at < 0 && !final;
      return at < 0 ? (final ? text.length : -1 - text.length) : -1 - at;
    }
    this.skippingLine = false;
    return afterBreak(text, at);
  }

  /**
   * Reads the record starting at `start` into `records` and returns where the next one starts,
   * or -1 - start when the record is not complete in this text (it waits for the next chunk).
   */
  private readRecord(text: string, start: number, final: boolean, records: ReadRecord[]): number {
    const fields: string[] = [];
    const length = text.length;
    const delimiter = this.delimiterCode;
    let multiline = false;
    let p = start;
    for (;;) {
      if (p < length && text.charCodeAt(p) === QUOTE) {
        let value = '';
        let from = p + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q < 0 || q - start > MAX_RECORD_CHARS) {
            if (q < 0 && !final && length - start <= MAX_RECORD_CHARS) return -1 - start;
            return this.brokenQuote(text, start, final, records);
          }
          if (q + 1 >= length && !final) return -1 - start;
          const next = text.charCodeAt(q + 1);
          if (next === QUOTE) {
            value += text.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          value += text.slice(from, q);
          if (!multiline && lineBreakAt(text, p, q) >= 0) multiline = true;
          if (next === delimiter) {
            fields.push(value);
            p = q + 2;
            break;
          }
          if (q + 1 >= length || next === LF || next === CR) {
            fields.push(value);
            return this.finishRecord(text, start, q + 1, fields, multiline, final, records);
          }
          // Text after a closing quote: the quote was not a field's opening quote.
          return this.brokenQuote(text, start, final, records);
        }
        continue;
      }
      let e = p;
      let c = 0;
      while (e < length && (c = text.charCodeAt(e)) !== delimiter && c !== LF && c !== CR) e++;
      if (e - start > MAX_RECORD_CHARS) return this.tooLong(text, start, final, records);
      if (e >= length && !final) return -1 - start;
      fields.push(text.slice(p, e));
      if (e < length && c === delimiter) {
        p = e + 1;
        continue;
      }
      // A line with nothing on it is not a record.
      if (e === start) return e >= length ? e : this.after(text, e, final);
      return this.finishRecord(text, start, e, fields, multiline, final, records);
    }
  }

  /** The record's text ended at `end` (a line break or the end of the input). */
  private finishRecord(text: string, start: number, end: number, fields: string[], multiline: boolean, final: boolean, records: ReadRecord[]): number {
    const next = end >= text.length ? end : this.after(text, end, final);
    if (next < 0) return -1 - start;
    if (multiline && this.expectedFields > 0 && fields.length !== this.expectedFields) return this.brokenQuote(text, start, final, records);
    if (this.expectedFields === 0) this.expectedFields = fields.length;
    records.push(fields);
    return next;
  }

  /** Position after the line break at `at`, or -1 - at when a CR ends this text (an LF may follow). */
  private after(text: string, at: number, final: boolean): number {
    if (text.charCodeAt(at) === CR && at + 1 >= text.length && !final) return -1 - at;
    return afterBreak(text, at);
  }

  /**
   * A quote opened a field that does not close properly: only the physical line the record starts
   * on is rejected, and reading goes on from the next line, so one stray quote costs one row.
   */
  private brokenQuote(text: string, start: number, final: boolean, records: ReadRecord[]): number {
    const at = lineBreakAt(text, start, start + MAX_RECORD_CHARS + 1);
    if (at < 0 && text.length - start > MAX_RECORD_CHARS) return this.tooLong(text, start, final, records);
    if (at < 0 && !final) return -1 - start;
    const next = at < 0 ? text.length : this.after(text, at, final);
    if (next < 0) return -1 - start;
    records.push({ broken: 'unclosedQuote', text: text.slice(start, at < 0 ? text.length : at) });
    return next;
  }

  /** The line at `start` is longer than a record may be: reported once, and skipped to its end. */
  private tooLong(text: string, start: number, final: boolean, records: ReadRecord[]): number {
    records.push({ broken: 'recordTooLong', text: `${text.slice(start, start + KEPT_TEXT_CHARS)}…` });
    this.skippingLine = true;
    return this.skipLine(text, start, final);
  }

  get fieldDelimiter(): string {
    return this.delimiter;
  }
}

/** The first CR or LF in text[from, to), or -1. A scan, not indexOf: a CR search in an LF file would run to the chunk's end. */
function lineBreakAt(text: string, from: number, to: number): number {
  const end = Math.min(to, text.length);
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || c === CR) return i;
  }
  return -1;
}

function afterBreak(text: string, at: number): number {
  return text.charCodeAt(at) === CR && text.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
}

const DELIMITERS = [',', ';', '\t', '|'] as const;

/** The delimiter that splits the first line (outside quotes) most often; comma when none does. */
export function detectDelimiter(text: string): string {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  const end = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
  const firstLine = (end < 0 ? text.slice(0, MAX_RECORD_CHARS) : text.slice(0, Math.min(end, MAX_RECORD_CHARS))).replace(/"[^"]*"/g, '');
  let best = ',';
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const count = firstLine.split(delimiter).length - 1;
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}
