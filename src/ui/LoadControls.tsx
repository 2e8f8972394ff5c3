import { useRef } from 'react';
import { useAppStore } from '../state/store';
import { folderDataFiles, NO_FILES_IN_FOLDER } from './folderFiles';
import { formatInteger, formatMegabytes } from './format';

/**
 * The file pickers: several files at once, or a whole folder (a police.uk download unpacks to one
 * folder a month); files and folders can also be dropped anywhere on the page.
 */
export function LoadButton() {
  const input = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const loadFiles = useAppStore((state) => state.loadFiles);
  const notify = useAppStore((state) => state.notify);
  const take = (target: HTMLInputElement, files: File[]) => {
    target.value = '';
    if (files.length > 0) void loadFiles(files);
  };
  return (
    <>
      <button type="button" className="primary" onClick={() => input.current?.click()}>
        Load data files
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept=".csv,.txt,.tsv,.parquet,text/csv,.geojson,.json,.zip"
        aria-label="Load data files"
        hidden
        onChange={(event) => take(event.target, [...(event.target.files ?? [])])}
      />
      <button type="button" onClick={() => folderInput.current?.click()}>
        Load a folder
      </button>
      <input
        // React does not know the attribute that makes the picker choose a folder.
        ref={(element) => {
          folderInput.current = element;
          element?.setAttribute('webkitdirectory', '');
        }}
        type="file"
        aria-label="Load a folder of data files"
        hidden
        onChange={(event) => {
          const files = folderDataFiles([...(event.target.files ?? [])].map((file) => ({ file, path: file.webkitRelativePath || file.name })));
          if (files.length === 0) notify('error', NO_FILES_IN_FOLDER);
          take(event.target, files);
        }}
      />
    </>
  );
}

/** Above this, the user is told the load will be long and memory-hungry (and that Cancel frees it). */
const LARGE_FILE_BYTES = 500 * 1_048_576;

export function LoadProgress() {
  const loading = useAppStore((state) => state.loading);
  const batch = useAppStore((state) => state.batch);
  const cancelLoad = useAppStore((state) => state.cancelLoad);
  if (!loading && !batch) return null;
  const progress = loading?.progress ?? null;
  // A batch counts bytes and rows over all its files; a single file over itself.
  const bytesRead = (batch?.bytesDone ?? 0) + (progress?.bytesRead ?? 0);
  const bytesTotal = batch?.bytesTotal ?? progress?.bytesTotal ?? 0;
  const rows = (batch?.rowsDone ?? 0) + (progress?.rows ?? 0);
  const share = bytesTotal > 0 ? Math.min(1, bytesRead / bytesTotal) : 0;
  const rate = progress && progress.elapsedMs > 0 ? (progress.rows / progress.elapsedMs) * 1000 : 0;
  const name = loading?.fileName ?? '';
  const verb = loading?.verb;
  const label = verb ? `${verb} ${name}` : batch ? `Loading file ${batch.fileIndex} of ${batch.fileCount}` : `Loading ${name}`;
  const nameLine = verb ? label : `${batch ? `File ${batch.fileIndex} of ${batch.fileCount}: ${name}` : `Loading ${name}`}${rate > 0 ? ` · ${formatInteger(rate)} rows/s` : ''}`;
  const figuresLine = verb
    ? progress
      ? `${formatMegabytes(bytesRead)} of ${formatMegabytes(bytesTotal)}`
      : ''
    : `${formatInteger(rows)} rows · ${formatMegabytes(bytesRead)} of ${formatMegabytes(bytesTotal)}${batch ? ' overall' : ''}`;
  return (
    <div className="load-progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(share * 100)}>
      {/* First, so it stays put while the figures beside it change. */}
      <button type="button" onClick={cancelLoad}>
        {batch ? 'Cancel the batch' : 'Cancel'}
      </button>
      {/* The rate last on the name's line, the first words to give way in a narrow window; each line's whole text shows on hover. */}
      <span className="load-name" title={nameLine}>
        {nameLine}
      </span>
      <progress max={1} value={share} />
      <span className="load-figures" title={figuresLine}>
        {figuresLine}
      </span>
      {bytesTotal > LARGE_FILE_BYTES && (
        <span className="load-warning" role="note">
          Large {batch ? 'batch' : 'file'}: this can take a minute and several hundred MB of memory. Cancel frees it.
        </span>
      )}
    </div>
  );
}
