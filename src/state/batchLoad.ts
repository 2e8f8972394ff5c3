import type { SourceSummary } from '../core/dataset';
import type { BatchResult } from '../worker/protocol';
import { filesToLoad } from './archives';
import { fileNamesInWords, refusalNotices } from './fileNames';
import { settleSelection } from './selection';
import { useAppStore } from './store';
import { dataWorker } from './worker';

/** Where a batch of files stands: the file being read (1-based) and what the finished ones held. */
export interface BatchProgress {
  fileIndex: number;
  fileCount: number;
  bytesTotal: number;
  /** Bytes and rows of the files already finished (the current file's progress comes on top). */
  bytesDone: number;
  rowsDone: number;
}

const numberFormat = new Intl.NumberFormat('en-GB');
let cancelled = false;

/** Cancel stops the whole batch, not just the file being read. */
export function cancelBatch(): void {
  cancelled = true;
}

/**
 * Files the worker reads together, and those read one at a time afterwards: a file the size of a
 * loaded one or of another in the batch may be a copy, which the user is asked about first.
 */
function splitBatch(files: readonly File[], loaded: readonly SourceSummary[]): { together: File[]; alone: File[] } {
  const sizes = new Map<number, number>();
  for (const size of [...loaded.map((source) => source.bytes), ...files.map((file) => file.size)]) sizes.set(size, (sizes.get(size) ?? 0) + 1);
  return { together: files.filter((file) => sizes.get(file.size) === 1), alone: files.filter((file) => sizes.get(file.size) !== 1) };
}

/** One request for many files: the worker sends progress and, at the end, every file's summary. */
async function loadTogether(files: readonly File[], batch: BatchProgress): Promise<BatchResult> {
  const names = files.map((file) => file.name);
  useAppStore.setState({ batch });
  const { id, promise } = dataWorker.call(
    'load-batch',
    { files: files.map((file) => ({ file, name: file.name })) },
    (progress) => useAppStore.setState((state) => ({ loading: state.loading && { ...state.loading, progress } })),
    (done) => useAppStore.setState((state) => ({
      batch: state.batch && { ...state.batch, fileIndex: Math.min(done + 1, names.length) },
      loading: state.loading && { ...state.loading, fileName: names[Math.min(done, names.length - 1)] },
    })),
  );
  useAppStore.setState({ loading: { requestId: id, fileName: names[0], progress: null } });
  try {
    return await promise;
  } finally {
    useAppStore.setState({ loading: null });
  }
}

/** A file's identity (the hash of its bytes), worked out in the data worker while the loading bar says so. */
async function identity(file: File): Promise<string | null> {
  const { id, promise } = dataWorker.call('identify', { file });
  useAppStore.setState({ loading: { requestId: id, fileName: file.name, progress: null, verb: 'Comparing' } });
  try {
    return await promise.catch(() => null);
  } finally {
    useAppStore.setState({ loading: null });
  }
}

/**
 * A batch's files that repeat loaded ones. The same bytes as a loaded file are not loaded again,
 * told in one notice (a month's download repeats the 35 months already loaded). A file with a
 * loaded file's name but other bytes is a month republished with corrections: the user chooses
 * once, for all such files, to replace the loaded ones, skip them or load them beside. A name
 * chosen twice in the batch loads once when the bytes agree and not at all when they differ. Returns the
 * files to load and, by name, the loaded sources each replaces (removed only once it has loaded).
 */
async function sortOutRepeats(files: readonly File[]): Promise<{ files: File[]; replacing: Map<string, number[]> }> {
  const store = useAppStore.getState;
  const loaded = store().sources;
  const toLoad: File[] = [];
  const same: string[] = [];
  const revised: File[] = [];
  // Within the batch: one name twice (two downloads chosen together) is one file if the bytes agree, and refused if not.
  const named = new Map<string, File[]>();
  for (const file of files) named.set(file.name, [...(named.get(file.name) ?? []), file]);
  const batchFingerprints = new Map<File, string | null>();
  const twice: string[] = [];
  const copies: string[] = [];
  for (const file of files) {
    if (cancelled) break;
    const namesakes = named.get(file.name)!;
    const loadedNamesakes = loaded.filter((source) => source.name === file.name);
    if (namesakes.length === 1 && loadedNamesakes.length === 0 && !loaded.some((source) => source.bytes === file.size)) {
      toLoad.push(file);
      continue;
    }
    const fingerprint = await identity(file);
    batchFingerprints.set(file, fingerprint);
    // The first of its name stands for it; a later namesake is a copy of it, or a conflict.
    if (file !== namesakes[0]) {
      if (fingerprint !== null && fingerprint === batchFingerprints.get(namesakes[0])) copies.push(file.name);
      else if (!twice.includes(file.name)) twice.push(file.name);
      continue;
    }
    const repeatsLoaded = fingerprint !== null && loaded.some((source) => source.fingerprint === fingerprint);
    // A file loaded alone that repeats a loaded one is asked about by the loader (load it again?).
    if (repeatsLoaded && files.length > 1) same.push(file.name);
    else if (!repeatsLoaded && loadedNamesakes.length > 0) revised.push(file);
    else toLoad.push(file);
  }
  if (twice.length > 0) {
    const refused = new Set(twice);
    toLoad.splice(0, toLoad.length, ...toLoad.filter((file) => !refused.has(file.name)));
    revised.splice(0, revised.length, ...revised.filter((file) => !refused.has(file.name)));
    store().notify('error', `Not loaded: ${fileNamesInWords(twice)}, chosen twice with different content (from two downloads?), so which is meant cannot be told. Load the one you want.`);
  }
  if (same.length > 0) store().notify('info', `Already loaded, so not loaded again: ${fileNamesInWords(same)}.`);
  if (copies.length > 0) store().notify('info', `Chosen twice with the same content, so loaded once: ${fileNamesInWords(copies)}.`);
  const replacing = new Map<string, number[]>();
  if (revised.length > 0) {
    const choice = await store().askAboutRevised(revised.map((file) => file.name));
    if (choice === 'skip') store().notify('info', `Not loaded: ${fileNamesInWords(revised.map((file) => file.name))}, named like loaded files but with other content.`);
    else toLoad.push(...revised);
    if (choice === 'replace') for (const file of revised) replacing.set(file.name, loaded.filter((source) => source.name === file.name).map((source) => source.id));
  }
  // In the order given: months stay in order.
  const order = new Map(files.map((file, i) => [file, i]));
  toLoad.sort((a, b) => order.get(a)! - order.get(b)!);
  return { files: toLoad, replacing };
}

/**
 * Loads the files the user picked or dropped (ZIP archives unpacked first) with overall progress: several files are read by the
 * worker as one pipeline and enter the state together. The first file that loads replaces the
 * synthetic sample (with an undo); afterwards the filters are checked against the new data.
 */
export async function loadBatch(picked: readonly File[]): Promise<void> {
  const store = useAppStore.getState;
  cancelled = false;
  const unpacked = await filesToLoad(picked);
  if (!unpacked || unpacked.files.length === 0) return;
  const { archives } = unpacked;
  const { files, replacing } = await sortOutRepeats(unpacked.files);
  if (cancelled) {
    store().notify('info', 'Loading cancelled before any file was read: nothing was loaded.');
    return;
  }
  if (files.length === 0) return;
  const several = files.length > 1;
  const bytesTotal = files.reduce((total, file) => total + file.size, 0);
  const loaded: SourceSummary[] = [];
  let bytesDone = 0;
  let rowsDone = 0;
  let attempted = 0;
  try {
    const { together, alone } = several ? splitBatch(files, store().sources) : { together: [], alone: [...files] };
    if (together.length > 0) {
      const outcome = await loadTogether(together, { fileIndex: 1, fileCount: files.length, bytesTotal, bytesDone, rowsDone }).catch((error: unknown) => {
        store().notify('error', error instanceof Error ? error.message : String(error));
        return null;
      });
      const results = outcome?.results ?? [];
      const arrived = together.flatMap((file, i) => (results[i]?.status === 'loaded' ? [{ file, summary: results[i].summary }] : []));
      if (outcome && arrived.length > 0) await store().addSources(arrived, outcome.categories);
      loaded.push(...arrived.map(({ summary }) => summary));
      const refused: { name: string; message: string }[] = [];
      together.forEach((file, i) => {
        const result = results[i];
        if (!result || result.status === 'not-read') return;
        attempted++;
        bytesDone += file.size;
        if (result.status === 'failed') refused.push({ name: file.name, message: result.message });
        // The column-mapping dialog is shown one file at a time, after the batch.
        if (result.status === 'needs-mapping') alone.push(file);
      });
      for (const notice of refusalNotices(refused)) store().notify('error', notice);
      rowsDone = loaded.reduce((total, summary) => total + summary.rowsRead, 0);
      if (outcome?.cancelled) {
        cancelled = true;
        attempted++;
      }
    }
    for (const file of alone) {
      if (cancelled) break;
      attempted++;
      if (several) useAppStore.setState({ batch: { fileIndex: attempted, fileCount: files.length, bytesTotal, bytesDone, rowsDone } });
      const summary = await store().loadFile(file, file.name, undefined, several);
      if (summary) {
        loaded.push(summary);
        rowsDone += summary.rowsRead;
      }
      bytesDone += file.size;
    }
  } finally {
    useAppStore.setState({ batch: null });
  }
  // Replaced only by what loaded: a file that failed or was cancelled leaves the one it would replace.
  const replaced = loaded.flatMap((summary) => replacing.get(summary.name) ?? []);
  if (replaced.length > 0) {
    await store().removeSources(replaced);
    store().notify('info', `Replaced the loaded ${fileNamesInWords(loaded.filter((summary) => replacing.has(summary.name)).map((summary) => summary.name))} with the new content.`);
  }
  settleSelection(store());
  if (!several) return;
  const accepted = loaded.reduce((total, s) => total + s.accepted, 0);
  const rejected = loaded.reduce((total, s) => total + s.rejected, 0);
  const counts = `${numberFormat.format(accepted)} rows, ${numberFormat.format(rejected)} rejected`;
  if (cancelled) {
    const notLoaded = files.length - loaded.length;
    store().notify('info', `Loading cancelled at file ${attempted} of ${files.length}. Kept ${loaded.length} complete files: ${fileNamesInWords(loaded.map((summary) => summary.name))}, ${counts}. ${notLoaded} files were not loaded; load them again to add them.`);
    return;
  }
  const from = archives.length > 0 ? ` (unpacked from ${fileNamesInWords(archives)})` : '';
  // An archive's entries refused while unpacking count among the files, as they would from its folder.
  store().notify('info', `${loaded.length} of ${files.length + unpacked.refused} files loaded${from}: ${counts}.`);
}
