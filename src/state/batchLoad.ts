import type { SourceSummary } from '../core/dataset';
import { settleSelection } from './selection';
import { useAppStore } from './store';

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

/** "2023-01-metropolitan-street.csv … 2023-12-metropolitan-street.csv (12 files)" */
function namesOf(summaries: readonly SourceSummary[]): string {
  if (summaries.length === 0) return 'nothing';
  if (summaries.length === 1) return summaries[0].name;
  return `${summaries[0].name} … ${summaries[summaries.length - 1].name} (${summaries.length} files)`;
}

/**
 * Loads the files the user picked or dropped, one after another, with overall progress. The first
 * file that loads replaces the synthetic sample (with an undo); afterwards the filters are checked
 * against the new data.
 */
export async function loadBatch(files: readonly File[]): Promise<void> {
  const store = useAppStore.getState;
  cancelled = false;
  const several = files.length > 1;
  const bytesTotal = files.reduce((total, file) => total + file.size, 0);
  const loaded: SourceSummary[] = [];
  let bytesDone = 0;
  let rowsDone = 0;
  let attempted = 0;
  try {
    for (const [index, file] of files.entries()) {
      if (cancelled) break;
      attempted++;
      if (several) useAppStore.setState({ batch: { fileIndex: index + 1, fileCount: files.length, bytesTotal, bytesDone, rowsDone } });
      const summary = await store().loadFile(file, file.name, undefined, several);
      if (summary) {
        loaded.push(summary);
        if (loaded.length === 1) await store().replaceSample(file.name, [summary.id]);
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
    store().notify('info', `Loading cancelled at file ${attempted} of ${files.length}. Kept ${loaded.length} complete files: ${namesOf(loaded)}, ${counts}. ${notLoaded} files were not loaded; load them again to add them.`);
    return;
  }
  store().notify('info', `${loaded.length} of ${files.length} files loaded: ${counts}.`);
}
