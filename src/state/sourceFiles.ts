import { del, get as idbGet, set as idbSet } from 'idb-keyval';

/**
 * Original bytes of every loaded source, by fingerprint: kept in memory for saving a workspace
 * file and in IndexedDB so a reload or a worker crash can rebuild the tables.
 */
const FILE_PREFIX = 'file:';
const sourceBlobs = new Map<string, Blob>();

export async function rememberSourceBlob(fingerprint: string, blob: Blob): Promise<void> {
  sourceBlobs.set(fingerprint, blob);
  await idbSet(FILE_PREFIX + fingerprint, blob);
}

export async function storedSourceBlob(fingerprint: string): Promise<Blob | undefined> {
  const cached = sourceBlobs.get(fingerprint);
  if (cached) return cached;
  const blob = await idbGet<Blob>(FILE_PREFIX + fingerprint).catch(() => undefined);
  if (blob) sourceBlobs.set(fingerprint, blob);
  return blob;
}

/** Drops stored files that no loaded source uses any more. */
export async function forgetSourceBlobsExcept(used: ReadonlySet<string>): Promise<void> {
  for (const fingerprint of [...sourceBlobs.keys()]) {
    if (!used.has(fingerprint)) {
      sourceBlobs.delete(fingerprint);
      await del(FILE_PREFIX + fingerprint);
    }
  }
}
