import { FIRST_HASH, type TextHash } from './columns';
import { textKernels } from './textKernels';

/** The kinds of structural bytes an entry names (see textKernels.wat): a comma, a line feed, or any other byte a plain line lacks. */
export const COMMA_ENTRY = 0;
export const LINE_FEED_ENTRY = 1;
export const OTHER_ENTRY = 2;
/** An entry's position, in its low bits; its kind is in the bits above. */
export const POSITION_MASK = 0x0fffffff;
export const KIND_SHIFT = 28;

/**
 * A piece of text read in WebAssembly (textKernels.wat): its commas, line feeds, quotes, carriage
 * returns and bytes past ASCII found with 16-byte vector compares (a fifth of the processor time
 * of the scan in JavaScript four bytes at a time), and hashes of its fields read four bytes at a
 * time, in the same copy of the piece.
 */
export class LineIndexer {
  /** The piece last indexed, from its first byte: positions in entries, hash and hexPrefix are in it. A view of the module's memory, replaced when that grows. */
  text = new Uint8Array(0);
  private readonly kernels = textKernels();

  /** Copies bytes[from, to) into `text` and gives its entries in order; both are valid until the next use of the kernels (see textKernels). */
  index(bytes: Uint8Array, from: number, to: number): Int32Array {
    const length = to - from;
    if (length > POSITION_MASK) throw new RangeError(`A piece of ${length} bytes is too long to index.`);
    // The bytes, then room for an entry per byte.
    const out = (length + 15) & ~15;
    const memory = this.kernels.memory(out + 4 * length);
    this.text = new Uint8Array(memory, 0, length);
    this.text.set(bytes.subarray(from, to));
    const end = this.kernels.index(0, length, out);
    return new Int32Array(memory, out, (end - out) >> 2);
  }

  /** hashText of the ASCII text at text[from, to). */
  hash(from: number, to: number, { seed, c1, c2 }: TextHash = FIRST_HASH): number {
    return this.kernels.hash(from, to, seed, c1, c2) >>> 0;
  }

  /** The first 13 hex digits at text[from, ...) as a number below 2^52; -1 when they are not all hex. */
  hexPrefix(from: number): number {
    return this.kernels.hexPrefix(from);
  }
}
