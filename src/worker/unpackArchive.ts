import { entryRuns, inPathOrder, planUnpack, type ZipContents } from '../core/ingest/zipArchive';
import type { PartPool } from './partPool';

/**
 * A ZIP archive's files unpacked by the parse workers at once, each reading its own stretch of the
 * archive (about equal compressed bytes), and given back in path order; `onProgress` hears the
 * compressed bytes read over all of them. Inflating is the slow part, and one thread did it alone.
 */
export async function unpackArchive(pool: Pick<PartPool, 'size' | 'unpack'>, file: Blob, name: string, onProgress: (done: number, total: number) => void): Promise<ZipContents> {
  const { readable, refused } = await planUnpack(file, name);
  const total = readable.reduce((sum, entry) => sum + entry.compressedSize, 0);
  const runs = entryRuns(readable, pool.size);
  const done = runs.map(() => 0);
  const report = (k: number, bytes: number) => {
    done[k] = bytes;
    onProgress(done.reduce((a, b) => a + b, 0), total);
  };
  const unpacked = await Promise.all(
    runs.map(async (entries, k) => {
      const files = await pool.unpack({ file, name, entries }, (bytes) => report(k, bytes));
      report(k, entries.reduce((sum, entry) => sum + entry.compressedSize, 0));
      return files;
    }),
  );
  return { entries: inPathOrder([...refused, ...unpacked.flat()]) };
}
