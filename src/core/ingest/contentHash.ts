import type { ByteSource } from './ingestFile';

/**
 * A file's identity from all of its bytes, computed while it is read: SHA-256 of each 4 MiB
 * block, then SHA-256 over those digests and the length. Two files are one only when every byte
 * agrees (size and a hash of the first 64 KiB took different monthly extracts for one file).
 * crypto.subtle has no streaming digest, so blocks are hashed as they arrive.
 */
export const BLOCK_BYTES = 4 << 20;

export class ContentHasher {
  private readonly digests: Promise<ArrayBuffer>[] = [];
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
    // digest copies its input when called, so the reader may reuse its buffers.
    this.digests.push(crypto.subtle.digest('SHA-256', block as Uint8Array<ArrayBuffer>));
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** The digests of the blocks pushed, in order; a part of a file hashes the blocks that start in it. */
  blockDigests(): Promise<ArrayBuffer[]> {
    if (this.pendingBytes > 0) this.flush();
    return Promise.all(this.digests);
  }

  async finish(): Promise<string> {
    return fingerprintOf(await this.blockDigests(), this.total);
  }
}

/** The identity of a file of `total` bytes from the digests of all its 4 MiB blocks, in order. */
export async function fingerprintOf(digests: readonly ArrayBuffer[], total: number): Promise<string> {
  const all = concat([new TextEncoder().encode(`${total}:`), ...digests.map((d) => new Uint8Array(d))], 0);
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', all as Uint8Array<ArrayBuffer>));
  return `sha256:${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length || parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** The identity of a file without loading it (to ask "already loaded?" before a mapping dialog). */
export async function identifyFile(file: ByteSource): Promise<string> {
  const hasher = new ContentHasher();
  for (let offset = 0; offset < file.size; offset += BLOCK_BYTES) hasher.push(await file.read(offset, BLOCK_BYTES));
  return hasher.finish();
}
