import Papa from 'papaparse';

/**
 * Turns a stream of decoded text into CSV records without ever holding the whole file.
 * Each chunk is cut at the last line break that lies outside quotes (an even number of quote
 * characters before it in the record), so quoted newlines and commas survive chunk edges; the
 * rest waits for the next chunk. Each complete piece is parsed with papaparse.
 */
/** Longest record we wait for before treating an open quote as broken (a 1 MB free-text field is far beyond real extracts). */
const MAX_RECORD_CHARS = 1 << 20;

export class CsvRecordReader {
  private carry = '';
  private carryQuoteParity = 0;
  private delimiter: string | undefined;
  private newline: '\r\n' | '\n' | undefined;

  /** Records completed by this chunk of text. */
  push(text: string): string[][] {
    let cut = this.lastRecordBoundary(text);
    // An unbalanced quote would otherwise swallow the rest of the file into one record.
    if (cut < 0 && this.carry.length + text.length > MAX_RECORD_CHARS) cut = text.lastIndexOf('\n');
    if (cut < 0) {
      this.carry += text;
      this.carryQuoteParity = (this.carryQuoteParity + countQuotes(text, 0, text.length)) % 2;
      return [];
    }
    const complete = this.carry + text.slice(0, cut + 1);
    this.carry = text.slice(cut + 1);
    this.carryQuoteParity = countQuotes(this.carry, 0, this.carry.length) % 2;
    return this.parse(complete);
  }

  /** Records left at the end of the input (a last line without a newline). */
  end(): string[][] {
    const rest = this.carry;
    this.carry = '';
    return rest.length > 0 ? this.parse(rest) : [];
  }

  private parse(text: string): string[][] {
    const body = this.delimiter === undefined ? text.replace(/^\uFEFF/, '') : text;
    this.delimiter ??= detectDelimiter(body);
    this.newline ??= detectNewline(body);
    // Fixed delimiter and line end skip papaparse's guessing on every chunk.
    const result = Papa.parse<string[]>(body, { delimiter: this.delimiter, newline: this.newline, skipEmptyLines: true });
    return result.data;
  }

  /** Index of the last `\n` with an even number of quotes before it (from the record start), or -1. */
  private lastRecordBoundary(text: string): number {
    let newline = text.lastIndexOf('\n');
    if (newline < 0) return -1;
    if (this.carryQuoteParity === 0 && text.indexOf('"') < 0) return newline;
    const quotes: number[] = [];
    for (let q = text.indexOf('"'); q >= 0; q = text.indexOf('"', q + 1)) quotes.push(q);
    while (newline >= 0) {
      const before = lowerBound(quotes, newline);
      if ((this.carryQuoteParity + before) % 2 === 0) return newline;
      // lastIndexOf clamps a negative start to 0, so stop explicitly at the first character.
      newline = newline === 0 ? -1 : text.lastIndexOf('\n', newline - 1);
    }
    return -1;
  }
}

function countQuotes(text: string, from: number, to: number): number {
  let count = 0;
  for (let q = text.indexOf('"', from); q >= 0 && q < to; q = text.indexOf('"', q + 1)) count++;
  return count;
}

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const DELIMITERS = [',', ';', '\t', '|'] as const;

/** The delimiter that splits the first line (outside quotes) most often; comma when none does. */
export function detectDelimiter(text: string): string {
  const end = text.indexOf('\n');
  const firstLine = (end < 0 ? text : text.slice(0, end)).replace(/"[^"]*"/g, '');
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

/** The first record's ending (the first line break outside quotes): CRLF or LF. */
function detectNewline(text: string): '\r\n' | '\n' {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\n' && !quoted) return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
  }
  return '\n';
}
