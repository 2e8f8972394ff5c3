import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ByteSource } from '../core/ingest/ingestFile';

/** A file on disk as a ByteSource, read in slices like a browser File. */
export async function nodeByteSource(path: string): Promise<ByteSource> {
  const { size } = await stat(path);
  return {
    name: basename(path),
    size,
    read: async (offset, length) => {
      const handle = await open(path, 'r');
      try {
        const buffer = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
        await handle.read(buffer, 0, buffer.length, offset);
        return buffer;
      } finally {
        await handle.close();
      }
    },
  };
}
