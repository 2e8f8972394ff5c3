import { insideUk } from '../geo/ukBounds';
import { asciiText, IdsByHashes, SECOND_HASH, type PointTextCache } from './columns';
import { CsvRecordReader, MAX_RECORD_CHARS, type ReadRecord } from './csvRecords';
import type { ParsedDate } from './dates';
import type { AcceptedRow } from './rowReader';
import { COMMA_ENTRY, KIND_SHIFT, LineIndexer, OTHER_ENTRY, POSITION_MASK } from './lineIndex';
import type { SourceBuilder } from './sourceBuilder';

const LF = 10;
const CR = 13;
const FIELDS = 12;
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
  /** Where each field of the line being read ends (its comma, or the line's end), written by the feed. */
  readonly ends = new Int32Array(FIELDS);
  private readonly dates = new Map<number, ParsedDate | null>();
  /** Category ids by their text's hashes. */
  private readonly categories = new IdsByHashes();
  private readonly row: AcceptedRow = { point: 0, date: { monthIndex: 0, minuteOfDay: -1, weekday: -1, day: 0 }, category: 0, location: '', lsoa: '', weight: 1, key: '', reference: '' };

  /** The piece being read (see PoliceLineFeed): lines are read in its text, and their fields hashed there. */
  readonly indexer = new LineIndexer();

  constructor(private readonly builder: SourceBuilder) {}

  /**
   * Reads the indexer's text[from, to) (the line without its line feed) as record `lineNumber`:
   * 'record', 'blank' (no record), or 'other' for the CSV reader. `fields` is one more than the
   * line's commas, whose places the feed wrote into `ends`, or -1 when the line is not plain.
   */
  read(from: number, to: number, fields: number, lineNumber: number): 'record' | 'blank' | 'other' {
    const bytes = this.indexer.text;
    const end = to > from && bytes[to - 1] === CR ? to - 1 : to;
    if (end === from) return 'blank';
    if (fields < 0 || end - from > MAX_RECORD_CHARS) return 'other';
    if (fields !== FIELDS) return this.byFields(bytes, from, end, lineNumber);
    const ends = this.ends;
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
      idKey = ends[0] - from === 64 ? this.indexer.hexPrefix(from) : this.indexer.hash(from, ends[0]) + 2 ** 52;
      if (idKey < 0) return this.byFields(bytes, from, end, lineNumber);
      // The line after its ID: the fields with the commas between them (see DuplicateLines).
      lineHash = this.indexer.hash(ends[0] + 1, end);
      const verdict = builder.lineVerdict(idKey, lineHash);
      if (verdict === 'repeat') {
        builder.reject('duplicate', asciiText(bytes, from, end).split(','), lineNumber);
        return 'record';
      }
      if (verdict === 'maybe') builder.maybeRepeats.set(lineNumber, asciiText(bytes, from, end).split(','));
    }
    const row = this.row;
    row.point = point;
    row.date = date;
    row.category = category;
    builder.keep(row, this.textAt(builder.locationIds, point, bytes, ends[5] + 1, ends[6]), this.textAt(builder.lsoaIds, point, bytes, ends[7] + 1, ends[8]), idKey, lineHash, lineNumber);
    return 'record';
  }

  /** The id of the text at bytes[from, to) at this point, told from the one last seen there by its hashes. */
  private textAt(cache: PointTextCache, point: number, bytes: Uint8Array, from: number, to: number): number {
    return cache.idAtBytes(point, bytes, from, to, this.indexer.hash(from, to), this.indexer.hash(from, to, SECOND_HASH));
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

  /** The category of the ASCII bytes [from, to), found by their hashes. */
  private categoryOf(bytes: Uint8Array, from: number, to: number): number {
    const first = this.indexer.hash(from, to);
    const second = this.indexer.hash(from, to, SECOND_HASH);
    const known = this.categories.idOf(first, second, to - from);
    if (known >= 0) return known;
    const id = this.builder.reader.categoryOf(asciiText(bytes, from, to));
    this.categories.add(first, second, to - from, id);
    return id;
  }
}

/**
 * Feeds a part's bytes line by line: plain police.uk lines to PoliceLines, the rest (and every line
 * while a quoted field runs on) to the CSV reader, decoded, so records are those the reader alone
 * would make. A plain line is ASCII with no quote and no carriage return but a final one; the
 * lines and their commas are found by the LineIndexer.
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
      if (lf >= 0 || final) this.wholeLines(joined, 0, final);
      else this.keep(joined);
      pos = lf < 0 ? piece.length : lf + 1;
    }
    const rest = this.wholeLines(piece, pos, final);
    if (rest < piece.length) this.keep(piece.slice(rest));
    if (final) this.consume(this.reader.end());
  }

  /**
   * Reads the lines of bytes[from, end) that end in a line feed, and the last one too when `final`;
   * returns where the unread rest starts. The lines are read in the indexer's copy of the bytes.
   */
  private wholeLines(bytes: Uint8Array, from: number, final: boolean): number {
    const indexer = this.lines.indexer;
    const entries = indexer.index(bytes, from, bytes.length);
    const text = indexer.text;
    const ends = this.lines.ends;
    let start = 0;
    let commas = 0;
    let others = 0;
    let lastOther = -1;
    for (let k = 0; k < entries.length; k++) {
      const entry = entries[k];
      const at = entry & POSITION_MASK;
      const kind = entry >>> KIND_SHIFT;
      if (kind === COMMA_ENTRY) {
        if (commas < ends.length) ends[commas] = at;
        commas++;
      } else if (kind === OTHER_ENTRY) {
        others++;
        lastOther = at;
      } else {
        this.line(text, start, at, at + 1, plainFields(text, at, commas, others, lastOther), false);
        start = at + 1;
        commas = 0;
        others = 0;
      }
    }
    if (final && start < text.length) {
      this.line(text, start, text.length, text.length, plainFields(text, text.length, commas, others, lastOther), true);
      start = text.length;
    }
    return from + start;
  }

  /** The start of a line whose end is in a later piece; a very long one goes to the reader, which bounds it. */
  private keep(bytes: Uint8Array): void {
    if (bytes.length <= MAX_CARRY_BYTES) this.carry = bytes;
    else this.toReader(bytes, false);
  }

  /** The line text[from, to) of the indexed piece, whose line break (if any) ends at `next`, with `fields` as PoliceLines.read takes them. */
  private line(text: Uint8Array, from: number, to: number, next: number, fields: number, final: boolean): void {
    if (!this.readerBusy) {
      const read = this.lines.read(from, to, fields, this.counter.records + 1);
      if (read === 'record') this.counter.records++;
      if (read !== 'other') return;
    }
    this.toReader(text.subarray(from, next), final);
  }

  private toReader(bytes: Uint8Array, final: boolean): void {
    this.consume(this.reader.push(this.decode(bytes, !final)));
    this.readerBusy = !this.reader.atRecordBoundary;
  }
}

/** The fields of a line ending at `to` with these commas and other bytes: -1 unless its only other byte is a final carriage return. */
function plainFields(bytes: Uint8Array, to: number, commas: number, others: number, lastOther: number): number {
  return others === 0 || (others === 1 && lastOther === to - 1 && bytes[lastOther] === CR) ? commas + 1 : -1;
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

