import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMA_ENTRY, KIND_SHIFT, LINE_FEED_ENTRY, LineIndexer, OTHER_ENTRY, POSITION_MASK } from '../../src/core/ingest/lineIndex';
import { TEXT_KERNELS_WASM } from '../../src/core/ingest/textKernelsWasm';
import { assemble, moduleSource, WASM_MODULES } from '../../scripts/assembleWasm';

/** The entries read byte by byte: [position, kind] for each comma, line feed, quote, carriage return and byte past ASCII. */
function expectedEntries(bytes: Uint8Array, from: number, to: number): [number, number][] {
  const entries: [number, number][] = [];
  for (let i = from; i < to; i++) {
    const c = bytes[i];
    if (c === 44) entries.push([i - from, COMMA_ENTRY]);
    else if (c === 10) entries.push([i - from, LINE_FEED_ENTRY]);
    else if (c === 34 || c === 13 || c >= 128) entries.push([i - from, OTHER_ENTRY]);
  }
  return entries;
}

const decoded = (entries: Int32Array): [number, number][] => Array.from(entries, (entry) => [entry & POSITION_MASK, entry >>> KIND_SHIFT]);

describe('LineIndexer', () => {
  it('names each comma, line feed and other structural byte of a short line, in order', () => {
    const text = new TextEncoder().encode('ab,"c"\r\nd,é\n');
    expect(decoded(new LineIndexer().index(text, 0, text.length))).toEqual([
      [2, COMMA_ENTRY],
      [3, OTHER_ENTRY],
      [5, OTHER_ENTRY],
      [6, OTHER_ENTRY],
      [7, LINE_FEED_ENTRY],
      [9, COMMA_ENTRY],
      [10, OTHER_ENTRY], // é is two bytes past ASCII
      [11, OTHER_ENTRY],
      [12, LINE_FEED_ENTRY],
    ]);
  });

  it('agrees with a byte-by-byte reading for any bytes, start and end (whole 16-byte blocks and the bytes after them)', () => {
    const indexer = new LineIndexer();
    const byte = fc.oneof(fc.constantFrom(44, 10, 13, 34, 97, 48, 32), fc.integer({ min: 0, max: 255 }));
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 300, size: 'max' }), fc.nat(), fc.nat(), (values, a, b) => {
        const bytes = Uint8Array.from(values);
        const from = bytes.length ? a % (bytes.length + 1) : 0;
        const to = from + (bytes.length - from ? b % (bytes.length - from + 1) : 0);
        expect(decoded(indexer.index(bytes, from, to))).toEqual(expectedEntries(bytes, from, to));
      }),
      { numRuns: 500 },
    );
  });

  it('grows its memory for a longer piece and still reads the shorter ones after it', () => {
    const indexer = new LineIndexer();
    const long = new Uint8Array(3 << 20).fill(44);
    expect(indexer.index(long, 0, long.length).length).toBe(long.length);
    const short = new TextEncoder().encode('x,y\n');
    expect(decoded(indexer.index(short, 0, short.length))).toEqual([
      [1, COMMA_ENTRY],
      [3, LINE_FEED_ENTRY],
    ]);
  });
});

describe('a Crime ID read in WebAssembly', () => {
  it('gives its first 13 hex digits as a number, either case, and -1 when one is not hex', () => {
    const indexer = new LineIndexer();
    const ids = ['0123456789abcdef', 'FFFFFFFFFFFFF000', 'fffffffffffff', 'a0b1c2d3e4F5g', '012345678 abc', '@ABCDEFabcdef`'];
    const text = new TextEncoder().encode(ids.join(','));
    indexer.index(text, 0, text.length);
    const starts = ids.map((_, i) => ids.slice(0, i).join(',').length + (i > 0 ? 1 : 0));
    expect(starts.map((start) => indexer.hexPrefix(start))).toEqual([0x0123456789abc, 0xfffffffffffff, 2 ** 52 - 1, -1, -1, -1]);
  });
});

describe('the WebAssembly modules', () => {
  it('hold the assembly of their text (run `npm run wasm` after editing a .wat file)', async () => {
    const [{ text, constant }] = WASM_MODULES;
    const bytes = await assemble(text);
    expect(moduleSource(text, constant, TEXT_KERNELS_WASM)).toBe(moduleSource(text, constant, bytes));
  });
});
