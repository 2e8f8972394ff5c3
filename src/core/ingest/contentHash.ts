import { finished, GrowableColumn } from './columns';
import type { ByteSource } from './ingestFile';

/**
 * A file's identity from all of its bytes, computed while it is read: MurmurHash3 x86_128 of each
 * 4 MiB block, then of the length and those hashes in order. Two files are one only when every byte
 * agrees (size and a hash of the first 64 KiB took different monthly extracts for one file). The
 * identity tells files apart by chance, not against a forger: two different files share it about
 * once in 2^128 pairs. SHA-256, used before, took four times as long (1.2 s a GB in a worker here
 * against 0.3 s), a tenth of a ten-million-row load; identities it gave are still read (see
 * applyWorkspace).
 */
export const BLOCK_BYTES = 4 << 20;
const IDENTITY_PREFIX = 'mmh3-128:';
/** Words of one block's hash. */
const HASH_WORDS = 4;

export class ContentHasher {
  /** The hashes of the blocks flushed, HASH_WORDS words each. */
  private readonly hashes = new GrowableColumn(Uint32Array, HASH_WORDS * 16);
  private readonly blockHash = new Uint32Array(HASH_WORDS);
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private total = 0;

  push(bytes: Uint8Array): void {
    this.total += bytes.length;
    let rest = bytes;
    while (rest.length > 0) {
      const take = Math.min(rest.length, BLOCK_BYTES - this.pendingBytes);
      this.pending.push(rest.subarray(0, take));
      this.pendingBytes += take;
      rest = rest.subarray(take);
      if (this.pendingBytes === BLOCK_BYTES) this.flush();
    }
  }

  private flush(): void {
    const block = this.pending.length === 1 ? this.pending[0] : concat(this.pending, this.pendingBytes);
    for (const word of murmur3x128(block, this.blockHash)) this.hashes.push(word);
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** A block begun is held as views of the bytes pushed, which must not change until it ends. */
  get holdsBytes(): boolean {
    return this.pendingBytes > 0;
  }

  /** The hashes of the blocks pushed, in order; a part of a file hashes the blocks that start in it. */
  blockHashes(): Uint32Array {
    if (this.pendingBytes > 0) this.flush();
    return this.hashes.trimmed();
  }

  finish(): string {
    return fingerprintOf([this.blockHashes()], this.total);
  }
}

/** The identity of a file of `total` bytes from the hashes of all its 4 MiB blocks, in order (see ContentHasher.blockHashes). */
export function fingerprintOf(blockHashes: readonly Uint32Array[], total: number): string {
  const words = new Uint32Array(2 + blockHashes.reduce((n, hashes) => n + hashes.length, 0));
  words[0] = total % 2 ** 32;
  words[1] = Math.floor(total / 2 ** 32);
  let at = 2;
  for (const hashes of blockHashes) {
    words.set(hashes, at);
    at += hashes.length;
  }
  const identity = murmur3x128(new Uint8Array(words.buffer), new Uint32Array(HASH_WORDS));
  return IDENTITY_PREFIX + Array.from(identity, (word) => word.toString(16).padStart(8, '0')).join('');
}

/** The identity of a file without loading it (to ask "already loaded?" before a mapping dialog). */
export async function identifyFile(file: ByteSource): Promise<string> {
  const hasher = new ContentHasher();
  for (let offset = 0; offset < file.size; offset += BLOCK_BYTES) hasher.push(await file.read(offset, BLOCK_BYTES));
  return hasher.finish();
}

const C1 = 0x239b961b;
const C2 = 0xab0e9789;
const C3 = 0x38b34ae5;
const C4 = 0xa1e38b93;

/**
 * MurmurHash3 x86_128 (Austin Appleby's reference) of `bytes` into `out` as its four 32-bit
 * words h1..h4. Whole 16-byte blocks are read as 32-bit words in the platform's order, which is the
 * reference's little-endian order on every platform browsers run on.
 */
export function murmur3x128(bytes: Uint8Array, out: Uint32Array, seed = 0): Uint32Array {
  const length = bytes.length;
  const whole = length & ~15;
  // Words can be read in place only from a 4-byte-aligned start (a part's first block may not be).
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice(0, whole);
  const words = new Int32Array(aligned.buffer, aligned.byteOffset, whole >> 2);
  let h1 = seed | 0;
  let h2 = h1;
  let h3 = h1;
  let h4 = h1;
  for (let i = 0; i < words.length; i += 4) {
    h1 ^= lane(words[i], C1, 15, C2);
    h1 = (Math.imul(rotl(h1, 19) + h2, 5) + 0x561ccd1b) | 0;
    h2 ^= lane(words[i + 1], C2, 16, C3);
    h2 = (Math.imul(rotl(h2, 17) + h3, 5) + 0x0bcaa747) | 0;
    h3 ^= lane(words[i + 2], C3, 17, C4);
    h3 = (Math.imul(rotl(h3, 15) + h4, 5) + 0x96cd1c35) | 0;
    h4 ^= lane(words[i + 3], C4, 18, C1);
    h4 = (Math.imul(rotl(h4, 13) + h1, 5) + 0x32ac3b17) | 0;
  }
  // The last 1 to 15 bytes, four to a lane word, each lane mixed once if it holds any.
  const tail = [0, 0, 0, 0];
  for (let i = whole; i < length; i++) tail[(i - whole) >> 2] |= bytes[i] << (8 * ((i - whole) & 3));
  const tailWords = (length - whole + 3) >> 2;
  if (tailWords > 3) h4 ^= lane(tail[3], C4, 18, C1);
  if (tailWords > 2) h3 ^= lane(tail[2], C3, 17, C4);
  if (tailWords > 1) h2 ^= lane(tail[1], C2, 16, C3);
  if (tailWords > 0) h1 ^= lane(tail[0], C1, 15, C2);
  // The length is the byte count modulo 2^32, as the reference's 32-bit length.
  h1 ^= length;
  h2 ^= length;
  h3 ^= length;
  h4 ^= length;
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  h1 = finished(h1, 0);
  h2 = finished(h2, 0);
  h3 = finished(h3, 0);
  h4 = finished(h4, 0);
  h1 = (h1 + h2 + h3 + h4) | 0;
  out[0] = h1;
  out[1] = h2 + h1;
  out[2] = h3 + h1;
  out[3] = h4 + h1;
  return out;
}

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

/** One lane's word scrambled on its own. */
function lane(k: number, first: number, r: number, second: number): number {
  return Math.imul(rotl(Math.imul(k, first), r), second);
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
