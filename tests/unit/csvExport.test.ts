import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument, neutraliseFormula } from '../../src/core/export/csv';

describe('CSV export safety', () => {
  it('neutralises cells a spreadsheet would run as formulas (OWASP CSV injection)', () => {
    expect(neutraliseFormula('=HYPERLINK("http://x")')).toBe(`'=HYPERLINK("http://x")`);
    expect(neutraliseFormula('+44 20 7946 0000')).toBe(`'+44 20 7946 0000`);
    expect(neutraliseFormula('-2+3')).toBe(`'-2+3`);
    expect(neutraliseFormula('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(neutraliseFormula('\tcmd')).toBe(`'\tcmd`);
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
