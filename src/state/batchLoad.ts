import type { SourceSummary } from '../core/dataset';
import type { BatchResult } from '../worker/protocol';
import { unpackArchives } from './archives';
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

/**
 * Loads the files the user picked or dropped (ZIP archives unpacked first) with overall progress: several files are read by the
 * worker as one pipeline and enter the state together. The first file that loads replaces the
 * synthetic sample (with an undo); afterwards the filters are checked against the new data.
 */
export async function loadBatch(picked: readonly File[]): Promise<void> {
  const store = useAppStore.getState;
  cancelled = false;
  const unpacked = await unpackArchives(picked);
  if (!unpacked || unpacked.files.length === 0) return;
  const { files, archives } = unpacked;
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
  store().notify('info', `${loaded.length} of ${files.length} files loaded${from}: ${counts}.`);
}
