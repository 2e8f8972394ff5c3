import type { UnpackedEntry } from '../core/ingest/zipArchive';
import { WorkerError } from '../worker/client';
import { refusalNotices } from './fileNames';
import { useAppStore } from './store';
import { dataWorker } from './worker';

/** A ZIP archive by its name, as police.uk's downloads come (an Excel .xlsx is a ZIP too, and is refused as one). */
export const isZipArchive = (file: File): boolean => /\.zip$/i.test(file.name);

/** One archive unpacked in the data worker, with its progress on the loading bar and Cancel. */
async function unpack(archive: File): Promise<UnpackedEntry[]> {
  const { id, promise } = dataWorker.call('unpack-archive', { file: archive, name: archive.name }, undefined, (done, total) =>
    useAppStore.setState((state) => ({ loading: state.loading && { ...state.loading, progress: { bytesRead: done, bytesTotal: total, rows: 0, elapsedMs: 0 } } })),
  );
  useAppStore.setState({ loading: { requestId: id, fileName: archive.name, progress: null, verb: 'Unpacking' } });
  try {
    return (await promise).entries;
  } finally {
    useAppStore.setState({ loading: null });
  }
}

/**
 * What to load from the files the user picked or dropped: each ZIP archive's files, unpacked in
 * path order (a police.uk download's months in order), in its place; other files as they are; and
 * the archives unpacked and the number of their entries refused, for the batch's summary. An entry
 * that cannot be unpacked, or holds no incidents (a police.uk outcomes or stop-and-search file), is
 * told with its reason (one notice per reason), and a damaged archive is told and none of it is
 * loaded. Null when the user cancelled: nothing is to be loaded.
 */
export async function unpackArchives(files: readonly File[]): Promise<{ files: File[]; archives: string[]; refused: number } | null> {
  const store = useAppStore.getState;
  const toLoad: File[] = [];
  const archives: string[] = [];
  let refusedCount = 0;
  for (const file of files) {
    if (!isZipArchive(file)) {
      toLoad.push(file);
      continue;
    }
    try {
      const entries = await unpack(file);
      archives.push(file.name);
      const refused = entries.flatMap((entry) => ('refused' in entry ? [{ name: entry.path.slice(entry.path.lastIndexOf('/') + 1), message: entry.refused }] : []));
      for (const notice of refusalNotices(refused)) store().notify('error', notice);
      refusedCount += refused.length;
      toLoad.push(...entries.flatMap((entry) => ('file' in entry ? [entry.file] : [])));
    } catch (error) {
      if (error instanceof WorkerError && error.code === 'CANCELLED') {
        store().notify('info', `Unpacking ${file.name} was cancelled: nothing was loaded.`);
        return null;
      }
      store().notify('error', error instanceof Error ? error.message : String(error));
    }
  }
  return { files: toLoad, archives, refused: refusedCount };
}
