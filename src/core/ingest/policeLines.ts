import { insideUk } from '../geo/ukBounds';
import { asciiText, sameAscii } from './columns';
import { CsvRecordReader, MAX_RECORD_CHARS, type ReadRecord } from './csvRecords';
import type { ParsedDate } from './dates';
import type { AcceptedRow } from './rowReader';
import type { SourceBuilder } from './sourceBuilder';

const LF = 10;
const CR = 13;
const QUOTE = 34;
const COMMA = 44;
const FIELDS = 12;
const FNV_PRIME = 0x01000193;
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, i) => 10 ** i);
/** A partial line carried over to the next piece beyond this many bytes goes to the CSV reader, which bounds records. */
const MAX_CARRY_BYTES = 4 * MAX_RECORD_CHARS;

/**
 * police.uk lines read from their bytes, without making a string per field: the common line
 * (ASCII, no quote, no carriage return but a final one) is split at its commas and read in place,
 * with the same checks, ids and hashes as the field-by-field path (SourceBuilder.add). Any line it
 * does not read in place (a quote, other characters, a reason to reject) goes to that path, so
 * every line gets the verdict it would get there.
 */
export class PoliceLines {
  private readonly ends = new Int32Array(FIELDS + 1);
  private readonly dates = new Map<number, ParsedDate | null>();
  private readonly categories = new Map<number, { text: string; id: number }>();
  private readonly row: AcceptedRow = { point: 0, date: { monthIndex: 0, minuteOfDay: -1, weekday: -1, day: 0 }, category: 0, location: '', lsoa: '', weight: 1, key: '', reference: '' };

  constructor(private readonly builder: SourceBuilder) {}

  /** Reads bytes[from, to) (the line without its line feed) as record `lineNumber`: 'record', 'blank' (no record), or 'other' for the CSV reader. */
  read(bytes: Uint8Array, from: number, to: number, lineNumber: number): 'record' | 'blank' | 'other' {
    const end = to > from && bytes[to - 1] === CR ? to - 1 : to;
    if (end === from) return 'blank';
    if (end - from > MAX_RECORD_CHARS) return 'other';
    const ends = this.ends;
    let fields = 0;
    for (let i = from; i < end; i++) {
      const c = bytes[i];
      if (c === COMMA) {
        if (fields < FIELDS) ends[fields] = i;
        fields++;
      } else if (c === QUOTE || c === CR || c >= 128) return 'other';
    }
    if (fields + 1 !== FIELDS) return this.byFields(bytes, from, end, lineNumber);
    ends[FIELDS - 1] = end;
    // Field n runs from ends[n - 1] + 1 to ends[n].
    const builder = this.builder;
    const lng = decimal(bytes, ends[3] + 1, ends[4]);
    const lat = decimal(bytes, ends[4] + 1, ends[5]);
    if (!insideUk(lat, lng)) return this.byFields(bytes, from, end, lineNumber);
    const point = builder.reader.pointAt(lat, lng);
    const date = this.monthOf(bytes, ends[0] + 1, ends[1]);
    const category = date ? this.categoryOf(bytes, ends[8] + 1, ends[9]) : -1;
    if (!date || category < 0 || builder.isFuture(date.monthIndex)) return this.byFields(bytes, from, end, lineNumber);
    let idKey = -1;
    let lineHash = 0;
    if (ends[0] > from) {
      idKey = ends[0] - from === 64 ? hexPrefix(bytes, from) : hashBytes(bytes, from, ends[0], 0x811c9dc5) + 2 ** 52;
      if (idKey < 0) return this.byFields(bytes, from, end, lineNumber);
      lineHash = 0x9e3779b9;
      for (let field = 1; field < FIELDS; field++) lineHash = hashBytes(bytes, ends[field - 1] + 1, ends[field], lineHash);
      if (builder.duplicates.seen(idKey, lineHash)) {
        builder.reject('duplicate', asciiText(bytes, from, end).split(','), lineNumber);
        return 'record';
      }
    }
    const row = this.row;
    row.point = point;
    row.date = date;
    row.category = category;
    builder.keep(row, builder.locationIds.idAtBytes(point, bytes, ends[5] + 1, ends[6]), builder.lsoaIds.idAtBytes(point, bytes, ends[7] + 1, ends[8]), idKey, lineHash, lineNumber);
    return 'record';
  }

  /** A plain line read field by field, as the CSV reader would split it. */
  private byFields(bytes: Uint8Array, from: number, end: number, lineNumber: number): 'record' {
    this.builder.add(asciiText(bytes, from, end).split(','), lineNumber);
    return 'record';
  }

  /** `YYYY-MM` as police.uk writes it, parsed once per month; null for anything else. */
  private monthOf(bytes: Uint8Array, from: number, to: number): ParsedDate | null {
    if (to - from !== 7 || bytes[from + 4] !== 45) return null;
    let key = 0;
    for (let i = from; i < to; i++) {
      if (i === from + 4) continue;
      const digit = bytes[i] - 48;
      if (digit < 0 || digit > 9) return null;
      key = key * 10 + digit;
    }
    let date = this.dates.get(key);
    if (date === undefined) {
      date = this.builder.reader.dateOf(asciiText(bytes, from, to));
      this.dates.set(key, date);
    }
    return date;
  }

  private categoryOf(bytes: Uint8Array, from: number, to: number): number {
    const hash = hashBytes(bytes, from, to, 0x811c9dc5);
    const known = this.categories.get(hash);
    if (known && sameAscii(known.text, bytes, from, to)) return known.id;
    const text = asciiText(bytes, from, to);
    const id = this.builder.reader.categoryOf(text);
    if (!known) this.categories.set(hash, { text, id });
    return id;
  }
}

/**
 * Feeds a part's bytes line by line: plain police.uk lines to PoliceLines, the rest (and every line
 * while a quoted field runs on) to the CSV reader, decoded, so records are those the reader alone
 * would make.
 */
export class PoliceLineFeed {
  private carry: Uint8Array | null = null;
  /** The reader holds part of a record: lines go to it until it ends one. */
  private readerBusy: boolean;

  constructor(
    private readonly lines: PoliceLines,
    private readonly reader: CsvRecordReader,
    private readonly decode: (bytes: Uint8Array, stream: boolean) => string,
    private readonly consume: (records: ReadRecord[]) => void,
    private readonly counter: { records: number },
  ) {
    this.readerBusy = !reader.atRecordBoundary;
  }

  push(piece: Uint8Array, final: boolean): void {
    let pos = 0;
    if (this.carry) {
      const lf = piece.indexOf(LF);
      const tail = lf < 0 ? piece : piece.subarray(0, lf + 1);
      const joined = new Uint8Array(this.carry.length + tail.length);
      joined.set(this.carry);
      joined.set(tail, this.carry.length);
      this.carry = null;
      if (lf >= 0) this.line(joined, 0, joined.length - 1, joined.length, false);
      else if (!final) this.keep(joined);
      else this.line(joined, 0, joined.length, joined.length, true);
      pos = lf < 0 ? piece.length : lf + 1;
    }
    for (let lf = piece.indexOf(LF, pos); lf >= 0; lf = piece.indexOf(LF, pos)) {
      this.line(piece, pos, lf, lf + 1, false);
      pos = lf + 1;
    }
    if (pos < piece.length) {
      if (final) this.line(piece, pos, piece.length, piece.length, true);
      else this.keep(piece.slice(pos));
    }
    if (final) this.consume(this.reader.end());
  }

  /** The start of a line whose end is in a later piece; a very long one goes to the reader, which bounds it. */
  private keep(bytes: Uint8Array): void {
    if (bytes.length <= MAX_CARRY_BYTES) this.carry = bytes;
    else this.toReader(bytes, false);
  }

  /** The line bytes[from, to), whose line break (if any) ends at `next`. */
  private line(bytes: Uint8Array, from: number, to: number, next: number, final: boolean): void {
    if (!this.readerBusy) {
      const read = this.lines.read(bytes, from, to, this.counter.records + 1);
      if (read === 'record') this.counter.records++;
      if (read !== 'other') return;
    }
    this.toReader(bytes.subarray(from, next), final);
  }

  private toReader(bytes: Uint8Array, final: boolean): void {
    this.consume(this.reader.push(this.decode(bytes, !final)));
    this.readerBusy = !this.reader.atRecordBoundary;
  }
}

/** A plain decimal (`-0.279`, `51.556`) exactly as Number() reads it; NaN for anything else (left to the field path). */
function decimal(bytes: Uint8Array, from: number, to: number): number {
  let i = from;
  const negative = bytes[i] === 45;
  if (negative) i++;
  let value = 0;
  let digits = 0;
  let scale = -1;
  for (; i < to; i++) {
    const c = bytes[i];
    if (c === 46 && scale < 0) {
      scale = 0;
      continue;
    }
    const digit = c - 48;
    if (digit < 0 || digit > 9) return NaN;
    value = value * 10 + digit;
    digits++;
    if (scale >= 0) scale++;
  }
  // Up to 15 digits the integer and the power of ten are exact, so one division rounds as Number() does.
  if (digits === 0 || digits > 15) return NaN;
  const result = scale > 0 ? value / POWERS_OF_TEN[scale] : value;
  return negative ? -result : result;
}

/** The first 13 hex digits of a 64-digit Crime ID as DuplicateLines keys it; -1 when they are not all hex. */
function hexPrefix(bytes: Uint8Array, from: number): number {
  let value = 0;
  for (let i = from; i < from + 13; i++) {
    const c = bytes[i];
    const digit = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

/** hashText over ASCII bytes: the same number for the same text. */
function hashBytes(bytes: Uint8Array, from: number, to: number, hash: number): number {
  let h = hash;
  for (let i = from; i < to; i++) h = Math.imul(h ^ bytes[i], FNV_PRIME);
  return Math.imul(h ^ 0x1f, FNV_PRIME) >>> 0;
}
