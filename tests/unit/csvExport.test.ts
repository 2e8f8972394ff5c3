import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument, neutraliseFormula } from '../../src/core/export/csv';

describe('CSV export safety', () => {
  it('neutralises cells a spreadsheet would run as formulas (OWASP CSV injection)', () => {
    expect(neutraliseFormula('=HYPERLINK("http://x")')).toBe(`'=HYPERLINK("http://x")`);
    expect(neutraliseFormula('+44 20 7946 0000')).toBe(`'+44 20 7946 0000`);
    expect(neutraliseFormula('-2+3')).toBe(`'-2+3`);
    expect(neutraliseFormula('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(neutraliseFormula('\tcmd')).toBe(`'\tcmd`);
    expect(neutraliseFormula('\rcmd')).toBe(`'\rcmd`);
  });
  it('neutralises formulas after leading white space and behind Unicode look-alikes', () => {
    for (const space of [' ', '  ', '\u00a0', '\u3000', '\ufeff', '\t', '\r\n']) {
      for (const start of ['=', '+', '-', '@']) expect(neutraliseFormula(`${space}${start}1+1`), JSON.stringify(space + start)).toBe(`'${space}${start}1+1`);
    }
    for (const lookAlike of ['\uff1d', '\uff0b', '\uff0d', '\uff20', '\ufe66', '\ufe62', '\ufe63', '\ufe6b', '\u2212']) {
      expect(neutraliseFormula(`${lookAlike}SUM(A1)`)).toBe(`'${lookAlike}SUM(A1)`);
      expect(neutraliseFormula(` ${lookAlike}SUM(A1)`)).toBe(`' ${lookAlike}SUM(A1)`);
    }
    for (const harmless of ['High Road', ' High Road', 'a=b', 'Wembley - north', '\u00a0x']) expect(neutraliseFormula(harmless)).toBe(harmless);
  });
  it('leaves plain numbers, including negative longitudes, as numbers', () => {
    for (const number of ['-0.279123', '+5', '-1e-3', '42']) expect(neutraliseFormula(number)).toBe(number);
    expect(csvCell(-0.2791)).toBe('-0.2791');
  });
  it('quotes commas, quotes and newlines per RFC 4180', () => {
    expect(csvCell('On or near Station Road, Wembley')).toBe('"On or near Station Road, Wembley"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=1,2')).toBe(`"'=1,2"`);
    expect(csvDocument(['a', 'b'], [[1, null], ['x', undefined]])).toBe('a,b\r\n1,\r\nx,\r\n');
  });
});
