import { forcesOf, isOfChosenForces, type ForceFiles } from '../core/ingest/policeForces';
import type { UnpackedEntry } from '../core/ingest/zipArchive';
import { WorkerError } from '../worker/client';
import { fileNamesInWords, refusalNotices } from './fileNames';
import { useAppStore } from './store';
import { dataWorker } from './worker';

/** A ZIP archive by its name, as police.uk's downloads come (an Excel .xlsx is a ZIP too, and is refused as one). */
export const isZipArchive = (file: File): boolean => /\.zip$/i.test(file.name);

/** One archive unpacked in the data worker (the chosen forces' files only), with its progress on the loading bar and Cancel. */
async function unpack(archive: File, forces: string[] | null): Promise<UnpackedEntry[]> {
  const { id, promise } = dataWorker.call('unpack-archive', { file: archive, name: archive.name, forces }, undefined, (done, total) =>
    useAppStore.setState((state) => ({ loading: state.loading && { ...state.loading, progress: { bytesRead: done, bytesTotal: total, rows: 0, elapsedMs: 0 } } })),
  );
  useAppStore.setState({ loading: { requestId: id, fileName: archive.name, progress: null, verb: 'Unpacking' } });
  try {
    return (await promise).entries;
  } finally {
    useAppStore.setState({ loading: null });
  }
}

const numberFormat = new Intl.NumberFormat('en-GB');

/** "1,584 street-level files of 44 other forces": what was left out, counted as the dialog counts it, said once the user has chosen. */
function leftOutInWords(forces: readonly ForceFiles[]): string {
  const files = forces.reduce((total, force) => total + force.files, 0);
  const names = forces.length <= 3 ? ` (${forces.map((force) => force.name).join(', ')})` : '';
  return `${numberFormat.format(files)} street-level ${files === 1 ? 'file' : 'files'} of ${forces.length} other ${forces.length === 1 ? 'force' : 'forces'}${names}`;
}

/**
 * When the files picked (archives read by their table of contents alone) hold police.uk
 * street-level files of several forces, as its archive of every force does, the user chooses which
 * to load before anything is unpacked or read. Null when there is nothing to choose; `cancelled`
 * when the user chose none.
 */
async function chooseForces(files: readonly File[], listings: ReadonlyMap<File, { path: string; size: number }[]>): Promise<ReadonlySet<string> | null | 'cancelled'> {
  const listed = files.flatMap((file) => listings.get(file) ?? (isZipArchive(file) ? [] : [{ path: file.name, size: file.size }]));
  const forces = forcesOf(listed);
  if (forces.length < 2) return null;
  const archives = files.filter((file) => listings.has(file)).map((file) => file.name);
  const from = archives.length === files.length ? { names: fileNamesInWords(archives), several: archives.length > 1 } : { names: `The ${numberFormat.format(files.length)} files picked`, several: true };
  const chosen = await useAppStore.getState().askWhichForces(from, forces);
  if (!chosen) return 'cancelled';
  const kept = new Set(chosen);
  const left = forces.filter((force) => !kept.has(force.force));
  if (left.length > 0) useAppStore.getState().notify('info', `Loading the files of ${forces.filter((force) => kept.has(force.force)).map((force) => force.name).join(', ')}. Left out, as chosen: ${leftOutInWords(left)}.`);
  return kept;
}

/** Archives inside archives are unpacked this deep, and no deeper: a ZIP that holds itself would never end. */
const MOST_NESTED = 3;

/**
 * What to load from the files the user picked or dropped: each ZIP archive's files, unpacked in
 * path order (a police.uk download's months in order), in its place, and an archive among them in
 * turn; other files as they are; of the police forces the user chose when they hold several; and
 * the archives unpacked and the number of their entries refused, for the batch's summary. An entry
 * that cannot be unpacked, or holds no incidents (a police.uk outcomes or stop-and-search file), is
 * told with its reason (one notice per reason), and a damaged archive is told and none of it is
 * loaded. Null when the user cancelled: nothing is to be loaded.
 */
export async function filesToLoad(files: readonly File[], depth = 1): Promise<{ files: File[]; archives: string[]; refused: number } | null> {
  const store = useAppStore.getState;
  if (depth > MOST_NESTED) {
    for (const file of files.filter(isZipArchive)) store().notify('error', `${file.name} was not unpacked: it lies in archives inside archives more than ${MOST_NESTED} deep. Unpack the outer ones with the system's tool and load what they hold.`);
    return { files: files.filter((file) => !isZipArchive(file)), archives: [], refused: 0 };
  }
  const listings = new Map<File, { path: string; size: number }[]>();
  for (const file of files.filter(isZipArchive)) {
    try {
      listings.set(file, await dataWorker.call('list-archive', { file, name: file.name }).promise);
    } catch (error) {
      store().notify('error', error instanceof Error ? error.message : String(error));
    }
  }
  const forces = await chooseForces(files, listings);
  if (forces === 'cancelled') {
    store().notify('info', 'No police force was chosen: nothing was loaded.');
    return null;
  }
  const toLoad: File[] = [];
  const archives: string[] = [];
  let refusedCount = 0;
  for (const file of files) {
    if (!isZipArchive(file)) {
      if (isOfChosenForces(file.name, forces)) toLoad.push(file);
      continue;
    }
    // An archive whose table of contents could not be read has been told about already.
    if (!listings.has(file)) continue;
    try {
      const entries = await unpack(file, forces && [...forces]);
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
  if (!toLoad.some(isZipArchive)) return { files: toLoad, archives, refused: refusedCount };
  // An archive the archives held (several downloads zipped together), unpacked in its place.
  const nested = await filesToLoad(toLoad, depth + 1);
  return nested && { files: nested.files, archives: [...archives, ...nested.archives], refused: refusedCount + nested.refused };
}
