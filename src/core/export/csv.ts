/**
 * CSV writing shared by every export. Cells that a spreadsheet would run as a formula get a
 * leading apostrophe (OWASP "CSV Injection"): those starting `=`, `+`, `-`, `@`, tab or carriage
 * return, also after leading white space (spreadsheets trim it: space, no-break space, ideographic
 * space), and with the full-width and small look-alikes (＝ ＋ － ＠, ﹦ ﹢ ﹣ ﹫, the minus sign −)
 * that some spreadsheets and input methods read as the same. Plain numbers such as `-0.2791`
 * stay numbers.
 */
const FORMULA_START = /^[\t\r\n]|^[\s\u00a0\u3000\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b\u2212]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** One cell: formula-neutralised, then quoted per RFC 4180 when it holds a quote, comma or newline. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = neutraliseFormula(typeof value === 'number' ? String(value) : value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return values.map(csvCell).join(',');
}

/**
 * A whole CSV document with CRLF line ends (RFC 4180), header first. A note (synthetic data, see
 * core/provenance) goes in a last `data_note` column on every row.
 */
export function csvDocument(header: readonly string[], rows: Iterable<readonly (string | number | null | undefined)[]>, note: string | null = null): string {
  const lines = [csvLine(note === null ? header : [...header, 'data_note'])];
  for (const row of rows) lines.push(csvLine(note === null ? row : [...row, note]));
  return lines.join('\r\n') + '\r\n';
}
