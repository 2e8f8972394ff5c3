import { LINE_INDEX_WASM } from './lineIndexWasm';

/** The kinds of structural bytes an entry names (see lineIndex.wat): a comma, a line feed, or any other byte a plain line lacks. */
export const COMMA_ENTRY = 0;
export const LINE_FEED_ENTRY = 1;
export const OTHER_ENTRY = 2;
/** An entry's position, in its low bits; its kind is in the bits above. */
export const POSITION_MASK = 0x0fffffff;
export const KIND_SHIFT = 28;
const PAGE_BYTES = 1 << 16;

/** The part of the WebAssembly API used here. Browsers, workers and node all have it; the core is typed without the DOM's library, which declares it. */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/**
 * Finds the commas, line feeds, quotes, carriage returns and bytes past ASCII of a piece of text
 * with WebAssembly's 16-byte vector compares (lineIndex.wat), far fewer steps than testing the
 * bytes in JavaScript, even four at a time.
 */
export class LineIndexer {
  private readonly memory: WasmMemory;
  private readonly indexRange: (from: number, to: number, out: number) => number;

  constructor() {
    const instance = new wasm.Instance(new wasm.Module(LINE_INDEX_WASM));
    this.memory = instance.exports.memory as WasmMemory;
    this.indexRange = instance.exports.index as (from: number, to: number, out: number) => number;
  }

  /** The entries of bytes[from, to), in order, positions counted from `from`; valid until the next call. */
  index(bytes: Uint8Array, from: number, to: number): Int32Array {
    const length = to - from;
    if (length > POSITION_MASK) throw new RangeError(`A piece of ${length} bytes is too long to index.`);
    // The bytes, then room for an entry per byte.
    const out = (length + 15) & ~15;
    const needed = out + 4 * length;
    if (this.memory.buffer.byteLength < needed) this.memory.grow(Math.ceil((needed - this.memory.buffer.byteLength) / PAGE_BYTES));
    new Uint8Array(this.memory.buffer, 0, length).set(bytes.subarray(from, to));
    const end = this.indexRange(0, length, out);
    return new Int32Array(this.memory.buffer, out, (end - out) >> 2);
  }
}
