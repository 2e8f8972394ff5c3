import { GrowableColumn } from './columns';
import { textKernels } from './textKernels';
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
  /** The block begun: MurmurHash3's running state, the bytes pushed into it, and its last bytes short of a 16-byte step. */
  private readonly state = new Uint32Array(HASH_WORDS);
  private blockBytes = 0;
  private readonly short = new Uint8Array(16);
  private shortBytes = 0;
  private total = 0;

  /** The bytes are hashed before it returns: none is kept. */
  push(bytes: Uint8Array): void {
    this.total += bytes.length;
    let rest = bytes;
    while (rest.length > 0) {
      const take = Math.min(rest.length, BLOCK_BYTES - this.blockBytes);
      this.step(rest.subarray(0, take));
      this.blockBytes += take;
      rest = rest.subarray(take);
      if (this.blockBytes === BLOCK_BYTES) this.flush();
    }
  }

  /** MurmurHash3's steps over the bytes after those short of a step, keeping the new ones short of a step. */
  private step(bytes: Uint8Array): void {
    let rest = bytes;
    if (this.shortBytes > 0) {
      const fill = Math.min(16 - this.shortBytes, rest.length);
      this.short.set(rest.subarray(0, fill), this.shortBytes);
      this.shortBytes += fill;
      rest = rest.subarray(fill);
      if (this.shortBytes < 16) return;
      murmurSteps(this.state, this.short);
      this.shortBytes = 0;
    }
    const stepped = murmurSteps(this.state, rest);
    this.short.set(rest.subarray(stepped));
    this.shortBytes = rest.length - stepped;
  }

  private flush(): void {
    murmurEnd(this.state, this.short.subarray(0, this.shortBytes), this.blockBytes);
    for (const word of this.state) this.hashes.push(word);
    this.state.fill(0);
    this.blockBytes = 0;
    this.shortBytes = 0;
  }

  /** The hashes of the blocks pushed, in order; a part of a file hashes the blocks that start in it. */
  blockHashes(): Uint32Array {
    if (this.blockBytes > 0) this.flush();
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

/** Where the state and the scratch for its last bytes lie in the kernels' memory (see murmurEnd in textKernels.wat), and the bytes hashed after them. */
const STATE_AT = 0;
const BYTES_AT = 32;

/**
 * MurmurHash3 x86_128 (Austin Appleby's reference) of `bytes` into `out` as its four 32-bit words
 * h1..h4, in WebAssembly (textKernels.wat). Words are read in little-endian order, the reference's.
 */
export function murmur3x128(bytes: Uint8Array, out: Uint32Array, seed = 0): Uint32Array {
  out.fill(seed);
  const stepped = murmurSteps(out, bytes);
  return murmurEnd(out, bytes.subarray(stepped), bytes.length);
}

/** MurmurHash3 x86_128's steps over the whole 16-byte blocks of `bytes`, from and back into `state`; returns the bytes taken. */
function murmurSteps(state: Uint32Array, bytes: Uint8Array): number {
  const whole = bytes.length & ~15;
  if (whole === 0) return 0;
  const kernels = textKernels();
  const memory = kernels.memory(BYTES_AT + whole);
  new Uint32Array(memory, STATE_AT, HASH_WORDS).set(state);
  new Uint8Array(memory, BYTES_AT, whole).set(bytes.subarray(0, whole));
  kernels.murmurSteps(BYTES_AT, BYTES_AT + whole, STATE_AT);
  state.set(new Uint32Array(memory, STATE_AT, HASH_WORDS));
  return whole;
}

/** MurmurHash3 x86_128's end after its steps: the last 0 to 15 bytes, and the input's whole length (modulo 2^32), into `state`. */
function murmurEnd(state: Uint32Array, last: Uint8Array, length: number): Uint32Array {
  const kernels = textKernels();
  const memory = kernels.memory(BYTES_AT + 16);
  new Uint32Array(memory, STATE_AT, HASH_WORDS).set(state);
  new Uint8Array(memory, BYTES_AT, last.length).set(last);
  kernels.murmurEnd(BYTES_AT, BYTES_AT + last.length, length, STATE_AT);
  state.set(new Uint32Array(memory, STATE_AT, HASH_WORDS));
  return state;
}
