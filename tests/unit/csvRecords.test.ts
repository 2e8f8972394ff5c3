import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CsvRecordReader, detectDelimiter, MAX_RECORD_CHARS, type ReadRecord } from '../../src/core/ingest/csvRecords';

function readInPieces(text: string, pieceLength: number): ReadRecord[] {
  const reader = new CsvRecordReader();
  const records: ReadRecord[] = [];
  for (let i = 0; i < text.length; i += pieceLength) records.push(...reader.push(text.slice(i, i + pieceLength)));
  records.push(...reader.end());
  return records;
}

describe('CsvRecordReader', () => {
  const text = 'a,b,c\r\n1,"x, y",3\r\n2,"line one\r\nline two",4\r\n3,"say ""hi""",5\r\n';
  const expected = [['a', 'b', 'c'], ['1', 'x, y', '3'], ['2', 'line one\r\nline two', '4'], ['3', 'say "hi"', '5']];

  it('keeps quoted commas, newlines and quotes whatever the chunk size', () => {
    for (const piece of [1, 2, 3, 5, 7, 11, 1000]) expect(readInPieces(text, piece), `piece ${piece}`).toEqual(expected);
  });
  it('drops a leading byte-order mark and reads a last line without newline', () => {
    expect(readInPieces('\uFEFFh1,h2\n1,2', 3)).toEqual([['h1', 'h2'], ['1', '2']]);
  });
  it('skips blank lines', () => {
    expect(readInPieces('a\n\n1\n\n', 2)).toEqual([['a'], ['1']]);
    expect(readInPieces('a\r\n\r\n1\r\n', 3)).toEqual([['a'], ['1']]);
  });
  it('detects semicolon and tab delimiters from the header', () => {
    expect(detectDelimiter('a;b;c\n1;2;3')).toBe(';');
    expect(detectDelimiter('a\tb\n')).toBe('\t');
    expect(detectDelimiter('"x;y",b,c\n')).toBe(',');
    expect(readInPieces('a;b\n"1;5";2\n', 4)).toEqual([['a', 'b'], ['1;5', '2']]);
  });
  it('gives the same records as papaparse on the whole text, for random tables and chunkings', () => {
    // Well-formed CSV written by papaparse; cells avoid other delimiters so the comma is detected.
    const cell = fc.oneof(fc.stringMatching(/^[a-z0-9 ,"\r\n]{0,6}$/), fc.constantFrom('"', ',', '\n', '\r\n', 'a"b', ' '));
    // Rectangular, as real tables are: a multi-line record with another width is read as a stray quote.
    const csv = fc
      .integer({ min: 1, max: 4 })
      .chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 }))
      .map((rows) => Papa.unparse(rows, { quotes: false, newline: '\n' }));
    fc.assert(
      fc.property(csv, fc.integer({ min: 1, max: 9 }), (document, piece) => {
        const whole = Papa.parse<string[]>(document, { delimiter: detectDelimiter(document), skipEmptyLines: true }).data;
        expect(readInPieces(document, piece)).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it('ends records at a lone CR (classic Mac) as well as at LF and CRLF', () => {
    for (const piece of [1, 2, 5, 100]) {
      expect(readInPieces('a,b\r1,2\r3,"x\ry"\r', piece), `piece ${piece}`).toEqual([['a', 'b'], ['1', '2'], ['3', 'x\ry']]);
      expect(readInPieces('a,b\r\n1,2\n3,4\r5,6', piece), `mixed, piece ${piece}`).toEqual([['a', 'b'], ['1', '2'], ['3', '4'], ['5', '6']]);
    }
  });
  it('reads a quote inside an unquoted field as text, as spreadsheets and Python do', () => {
    expect(readInPieces('a,b\n12" pipe,2\n', 3)).toEqual([['a', 'b'], ['12" pipe', '2']]);
  });
  it('costs a stray opening quote only its own line', () => {
    const lines = ['a,b,c', '1,2,3', '4,"five,6', '7,8,9', '10,"eleven, twelve",13', '14,15,16'];
    const expected = [['a', 'b', 'c'], ['1', '2', '3'], { broken: 'unclosedQuote', text: '4,"five,6' }, ['7', '8', '9'], ['10', 'eleven, twelve', '13'], ['14', '15', '16']];
    for (const piece of [1, 3, 7, 1000]) expect(readInPieces(lines.join('\n'), piece), `piece ${piece}`).toEqual(expected);
    // No other quote after it: the line is rejected at the end of the text, or at the record limit.
    expect(readInPieces('a,b\n"x,1\n2,3\n', 4)).toEqual([['a', 'b'], { broken: 'unclosedQuote', text: '"x,1' }, ['2', '3']]);
    expect(readInPieces('a,b\n1,"x', 2)).toEqual([['a', 'b'], { broken: 'unclosedQuote', text: '1,"x' }]);
  });
  it('keeps a real multi-line field when the record has the header\'s number of fields', () => {
    expect(readInPieces('a,b\n"line one\nline two",2\n', 5)).toEqual([['a', 'b'], ['line one\nline two', '2']]);
  });
  it('rejects a record longer than the limit and goes on at the next line', () => {
    const long = 'x'.repeat(MAX_RECORD_CHARS + 10);
    for (const piece of [4096, 1 << 20]) {
      const records = readInPieces(`a,b\n${long},1\n2,3\n"${long}\n4,5`, piece);
      expect(records.map((r) => (Array.isArray(r) ? r : r.broken))).toEqual([['a', 'b'], 'recordTooLong', ['2', '3'], 'recordTooLong', ['4', '5']]);
    }
  });
  it('reads a file with a stray quote on every line line by line, each line rejected once', () => {
    const lines = ['a,b,c', ...Array.from({ length: 5_000 }, (_, i) => `"${i},x,y`)];
    const records = readInPieces(lines.join('\n'), 4096);
    expect(records).toHaveLength(5_001);
    expect(records.slice(1).every((r) => !Array.isArray(r) && r.broken === 'unclosedQuote')).toBe(true);
  });
});
