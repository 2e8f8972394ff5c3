import { insideUk } from '../geo/ukBounds';
import { asciiText, hashBytes, IdsByHashes, SECOND_HASH, type PointTextCache } from './columns';
import { CsvRecordReader, MAX_RECORD_CHARS, type ReadRecord } from './csvRecords';
import type { ParsedDate } from './dates';
import type { AcceptedRow } from './rowReader';
import type { SourceBuilder } from './sourceBuilder';

const LF = 10;
const CR = 13;
const QUOTE = 34;
const COMMA = 44;
const FIELDS = 12;
/** A byte repeated in each of a word's four bytes. */
const EVERY_COMMA = 0x2c2c2c2c;
const EVERY_QUOTE = 0x22222222;
const EVERY_CR = 0x0d0d0d0d;
const HIGH_BITS = 0x80808080;
/** Words hold their bytes lowest first (every platform browsers run on); elsewhere the scan goes byte by byte. */
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;
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
  /** Where each field ends (its comma, or the line's end). */
  private readonly ends = new Int32Array(FIELDS);
  private readonly dates = new Map<number, ParsedDate | null>();
  /** Category ids by their text's hashes. */
  private readonly categories = new IdsByHashes();
  private readonly row: AcceptedRow = { point: 0, date: { monthIndex: 0, minuteOfDay: -1, weekday: -1, day: 0 }, category: 0, location: '', lsoa: '', weight: 1, key: '', reference: '' };

  constructor(private readonly builder: SourceBuilder) {}

  /**
   * Reads bytes[from, to) (the line without its line feed) as record `lineNumber`: 'record', 'blank'
   * (no record), or 'other' for the CSV reader. `words` views the same buffer from its start, four
   * bytes at a time, so the scan for commas, quotes and other characters tests four bytes at once.
   */
  read(bytes: Uint8Array, words: Uint32Array, from: number, to: number, lineNumber: number): 'record' | 'blank' | 'other' {
    const end = to > from && bytes[to - 1] === CR ? to - 1 : to;
    if (end === from) return 'blank';
    if (end - from > MAX_RECORD_CHARS) return 'other';
    const fields = this.commas(bytes, words, from, end);
    if (fields < 0) return 'other';
    if (fields + 1 !== FIELDS) return this.byFields(bytes, from, end, lineNumber);
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
      idKey = ends[0] - from === 64 ? hexPrefix(bytes, from) : hashBytes(bytes, from, ends[0]) + 2 ** 52;
      if (idKey < 0) return this.byFields(bytes, from, end, lineNumber);
      // The line after its ID: the fields with the commas between them (see DuplicateLines).
      lineHash = hashBytes(bytes, ends[0] + 1, end);
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

  /**
   * The commas of bytes[from, end) into `ends`, and how many there are; -1 at a quote, a carriage
   * return or a byte past ASCII. Whole words are tested for all of them at once (most words hold
   * none); the bytes before the first whole word and after the last one, one by one.
   */
  private commas(bytes: Uint8Array, words: Uint32Array, from: number, end: number): number {
    const shift = bytes.byteOffset;
    const firstWord = Math.ceil((from + shift) / 4);
    const lastWord = Math.floor((end + shift) / 4);
    if (!LITTLE_ENDIAN || firstWord >= lastWord) return this.commasByByte(bytes, from, end, 0);
    let fields = this.commasByByte(bytes, from, firstWord * 4 - shift, 0);
    if (fields < 0) return -1;
    const ends = this.ends;
    for (let k = firstWord; k < lastWord; k++) {
      const word = words[k];
      if ((matching(word, EVERY_QUOTE) | matching(word, EVERY_CR) | (word & HIGH_BITS)) !== 0) return -1;
      // One high bit per comma, the lowest for the first byte.
      for (let found = matching(word, EVERY_COMMA); found !== 0; found &= found - 1) {
        if (fields < FIELDS) ends[fields] = k * 4 - shift + ((31 - Math.clz32(found & -found)) >> 3);
        fields++;
      }
    }
    return this.commasByByte(bytes, lastWord * 4 - shift, end, fields);
  }

  /** The same scan byte by byte over bytes[from, to), after `fields` commas. */
  private commasByByte(bytes: Uint8Array, from: number, to: number, fields: number): number {
    const ends = this.ends;
    let found = fields;
    for (let i = from; i < to; i++) {
      const c = bytes[i];
      if (c === COMMA) {
        if (found < FIELDS) ends[found] = i;
        found++;
      } else if (c === QUOTE || c === CR || c >= 128) return -1;
    }
    return found;
  }

  /** The id of the text at bytes[from, to) at this point, told from the one last seen there by its hashes. */
  private textAt(cache: PointTextCache, point: number, bytes: Uint8Array, from: number, to: number): number {
    return cache.idAtBytes(point, bytes, from, to, hashBytes(bytes, from, to), hashBytes(bytes, from, to, SECOND_HASH));
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
    const first = hashBytes(bytes, from, to);
    const second = hashBytes(bytes, from, to, SECOND_HASH);
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
      const joinedWords = wordsOf(joined);
      if (lf >= 0) this.line(joined, joinedWords, 0, joined.length - 1, joined.length, false);
      else if (!final) this.keep(joined);
      else this.line(joined, joinedWords, 0, joined.length, joined.length, true);
      pos = lf < 0 ? piece.length : lf + 1;
    }
    const words = wordsOf(piece);
    for (let lf = piece.indexOf(LF, pos); lf >= 0; lf = piece.indexOf(LF, pos)) {
      this.line(piece, words, pos, lf, lf + 1, false);
      pos = lf + 1;
    }
    if (pos < piece.length) {
      if (final) this.line(piece, words, pos, piece.length, piece.length, true);
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
  private line(bytes: Uint8Array, words: Uint32Array, from: number, to: number, next: number, final: boolean): void {
    if (!this.readerBusy) {
      const read = this.lines.read(bytes, words, from, to, this.counter.records + 1);
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

/** The whole buffer under `bytes` as 32-bit words, for PoliceLines' scan. */
function wordsOf(bytes: Uint8Array): Uint32Array {
  return new Uint32Array(bytes.buffer, 0, bytes.buffer.byteLength >> 2);
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

/** A high bit in each byte of `word` equal to the byte repeated in `every`, and nowhere else. */
function matching(word: number, every: number): number {
  const differ = word ^ every;
  return ~(((differ & 0x7f7f7f7f) + 0x7f7f7f7f) | differ | 0x7f7f7f7f);
}
