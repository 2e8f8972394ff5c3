import { FIRST_HASH, type TextHash } from './columns';
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
 * A piece of text read in WebAssembly (lineIndex.wat): its commas, line feeds, quotes, carriage
 * returns and bytes past ASCII found with 16-byte vector compares, and hashes of its fields read
 * four bytes at a time, each several times faster than in JavaScript.
 */
export class LineIndexer {
  /** The piece last indexed, from its first byte: positions in entries, hash and hexPrefix are in it. A view of the module's memory, replaced when that grows. */
  text = new Uint8Array(0);
  private readonly memory: WasmMemory;
  private readonly indexRange: (from: number, to: number, out: number) => number;
  private readonly hashRange: (from: number, to: number, seed: number, c1: number, c2: number) => number;
  private readonly hexAt: (from: number) => number;

  constructor() {
    const { exports } = new wasm.Instance(new wasm.Module(LINE_INDEX_WASM));
    this.memory = exports.memory as WasmMemory;
    this.indexRange = exports.index as LineIndexer['indexRange'];
    this.hashRange = exports.hash as LineIndexer['hashRange'];
    this.hexAt = exports.hexPrefix as LineIndexer['hexAt'];
  }

  /** Copies bytes[from, to) into `text` and gives its entries in order; both are valid until the next call. */
  index(bytes: Uint8Array, from: number, to: number): Int32Array {
    const length = to - from;
    if (length > POSITION_MASK) throw new RangeError(`A piece of ${length} bytes is too long to index.`);
    // The bytes, then room for an entry per byte.
    const out = (length + 15) & ~15;
    const needed = out + 4 * length;
    if (this.memory.buffer.byteLength < needed) this.memory.grow(Math.ceil((needed - this.memory.buffer.byteLength) / PAGE_BYTES));
    this.text = new Uint8Array(this.memory.buffer, 0, length);
    this.text.set(bytes.subarray(from, to));
    const end = this.indexRange(0, length, out);
    return new Int32Array(this.memory.buffer, out, (end - out) >> 2);
  }

  /** hashText of the ASCII text at text[from, to). */
  hash(from: number, to: number, { seed, c1, c2 }: TextHash = FIRST_HASH): number {
    return this.hashRange(from, to, seed, c1, c2) >>> 0;
  }

  /** The first 13 hex digits at text[from, ...) as a number below 2^52; -1 when they are not all hex. */
  hexPrefix(from: number): number {
    return this.hexAt(from);
  }
}
