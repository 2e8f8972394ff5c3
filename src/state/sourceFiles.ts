import { del, get as idbGet, keys as idbKeys, set as idbSet, setMany as idbSetMany } from 'idb-keyval';

/**
 * Original bytes of every loaded file (data sources and offline basemaps), by fingerprint: kept
 * in memory for saving a workspace file and in IndexedDB so a reload, a tab crash or a worker
 * crash can rebuild the tables. Several tabs share this storage, so a file is deleted only when
 * no saved workspace (any tab's autosave, any kept workspace) and no open tab refers to it.
 */
const FILE_PREFIX = 'file:';
/** Per tab: files it stored and still uses, written before the autosave catches up. */
const HELD_PREFIX = 'workspace:held:';
/** Stored files and the clean-up that deletes them never interleave, across tabs. */
const FILES_LOCK = 'hotspot-planner-files';
const sourceBlobs = new Map<string, Blob>();

let heldKey = `${HELD_PREFIX}main`;

export function setFileHolder(slot: string): void {
  heldKey = HELD_PREFIX + slot;
}

function withFilesLock<T>(work: () => Promise<T>): Promise<T> {
  return typeof navigator !== 'undefined' && navigator.locks ? navigator.locks.request(FILES_LOCK, work) : work();
}

/** A file's bytes and the fingerprint they are kept under. */
export interface FileBytes {
  fingerprint: string;
  blob: Blob;
}

/**
 * Stores files' bytes in one transaction (a batch of monthly files costs one write, not one each);
 * rejects (with the browser's reason, e.g. quota) when storage refuses them, and then none is stored.
 */
export async function rememberSourceBlobs(files: readonly FileBytes[]): Promise<void> {
  if (files.length === 0) return;
  for (const { fingerprint, blob } of files) sourceBlobs.set(fingerprint, blob);
  await withFilesLock(async () => {
    await idbSetMany(files.map(({ fingerprint, blob }) => [FILE_PREFIX + fingerprint, blob]));
    const held = new Set((await idbGet<string[]>(heldKey).catch(() => undefined)) ?? []);
    for (const { fingerprint } of files) held.add(fingerprint);
    await idbSet(heldKey, [...held]);
  });
}

/** Stores one loaded file's bytes; when storage refuses them, tells the user through `tell` and resolves: the file works until a reload. */
export function keepLoadedFile(name: string, fingerprint: string, blob: Blob, tell: (text: string) => void): Promise<void> {
  return rememberSourceBlobs([{ fingerprint, blob }]).catch((error: unknown) =>
    tell(`${name} could not be kept in this browser's storage (${error instanceof Error ? error.message : String(error)}); it will need loading again after a reload.`),
  );
}

export async function storedSourceBlob(fingerprint: string): Promise<Blob | undefined> {
  const cached = sourceBlobs.get(fingerprint);
  if (cached) return cached;
  const blob = await idbGet<Blob>(FILE_PREFIX + fingerprint).catch(() => undefined);
  if (blob) sourceBlobs.set(fingerprint, blob);
  return blob;
}

/** Records which files this tab uses now (after its workspace was saved). */
export async function holdFiles(fingerprints: readonly string[]): Promise<void> {
  await withFilesLock(() => idbSet(heldKey, [...fingerprints]));
}

/** Fingerprints named anywhere in a stored value, read leniently: even a damaged document keeps its files. */
export function fingerprintsIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) fingerprintsIn(item, found);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'fingerprint' && typeof item === 'string') found.add(item);
      else if (typeof item === 'object') fingerprintsIn(item, found);
    }
  } else if (typeof value === 'string') found.add(value);
  return found;
}

/**
 * Deletes those of `candidates` (files this tab stopped using) that nothing else refers to: every
 * stored workspace document and every tab's held list is read under the files lock.
 */
export async function forgetUnusedFiles(candidates: Iterable<string>, isDocumentKey: (key: string) => boolean, inUse: () => Iterable<string>): Promise<void> {
  const unused = new Set(candidates);
  if (unused.size === 0) return;
  await withFilesLock(async () => {
    // What this tab uses at this moment (a file loaded again since the document was written, e.g. the sample brought back by Undo) is kept too.
    const referenced = new Set<string>(inUse());
    for (const key of await idbKeys()) {
      if (typeof key !== 'string' || !(isDocumentKey(key) || key.startsWith(HELD_PREFIX))) continue;
      fingerprintsIn(await idbGet(key).catch(() => undefined), referenced);
    }
    for (const fingerprint of unused) {
      if (referenced.has(fingerprint)) continue;
      sourceBlobs.delete(fingerprint);
      await del(FILE_PREFIX + fingerprint);
    }
  });
}
