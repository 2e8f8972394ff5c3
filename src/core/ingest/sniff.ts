import { CoreError } from '../errors';

/**
 * Looks at a file's first bytes and refuses what is not delimited text, with a message that says
 * what the file seems to be. Returns the text encoding to decode the rest with.
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b);

export function sniffEncoding(head: Uint8Array, fileName: string): TextEncodingName {
  if (head.length === 0) throw new CoreError('EMPTY_FILE', `${fileName} is empty.`);
  if (startsWith(head, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(head, [0xfe, 0xff])) return 'utf-16be';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47])) throw notCsv(fileName, 'a PNG image');
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) throw notCsv(fileName, 'a ZIP archive (an Excel .xlsx file is one): save it as CSV first');
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46])) throw notCsv(fileName, 'a PDF document');
  if (startsWith(head, [0x1f, 0x8b])) throw notCsv(fileName, 'a gzip archive: unpack it first');
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) throw notCsv(fileName, 'an old Excel .xls file: save it as CSV first');
  const sample = head.subarray(0, 4096);
  let zeros = 0;
  for (const byte of sample) if (byte === 0) zeros++;
  // UTF-16 without a BOM: every other byte is zero for Latin text.
  if (zeros > sample.length / 4) {
    if (sample[0] === 0 && sample[1] !== 0) return 'utf-16be';
    if (sample[1] === 0 && sample[0] !== 0) return 'utf-16le';
  }
  if (zeros > 0) throw notCsv(fileName, 'a binary file');
  const text = new TextDecoder('utf-8').decode(sample).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (text.startsWith('<!doctype html') || text.startsWith('<html')) throw notCsv(fileName, 'a web page (HTML)');
  if (text.startsWith('<?xml') || text.startsWith('<kml')) throw notCsv(fileName, 'XML or KML: load zones in the Zones panel');
  if (text.startsWith('<')) throw notCsv(fileName, 'markup (HTML, XML or SVG)');
  if (text.startsWith('{') || text.startsWith('[')) throw notCsv(fileName, 'JSON or GeoJSON: load zones or cameras in their panels');
  return isValidUtf8(sample) ? 'utf-8' : 'windows-1252';
}

function notCsv(fileName: string, what: string): CoreError {
  return new CoreError('NOT_CSV', `${fileName} is not a CSV file: it looks like ${what}.`);
}

/** Strict UTF-8 check; a multi-byte sequence cut at the sample's end still counts as valid. */
function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}
