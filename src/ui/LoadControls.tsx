import { useRef } from 'react';
import { useAppStore } from '../state/store';
import { formatInteger, formatMegabytes } from './format';

/** The file picker: several files at once; the same files can also be dropped anywhere on the page. */
export function LoadButton() {
  const input = useRef<HTMLInputElement>(null);
  const loadFiles = useAppStore((state) => state.loadFiles);
  return (
    <>
      <button type="button" className="primary" onClick={() => input.current?.click()}>
        Load data files
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept=".csv,.txt,.tsv,.parquet,text/csv,.geojson,.json"
        aria-label="Load data files"
        hidden
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          if (files.length > 0) void loadFiles(files);
        }}
      />
    </>
  );
}

/** Above this, the user is told the load will be long and memory-hungry (and that Cancel frees it). */
const LARGE_FILE_BYTES = 500 * 1_048_576;

export function LoadProgress() {
  const loading = useAppStore((state) => state.loading);
  const cancelLoad = useAppStore((state) => state.cancelLoad);
  if (!loading) return null;
  const progress = loading.progress;
  const share = progress && progress.bytesTotal > 0 ? progress.bytesRead / progress.bytesTotal : 0;
  const rate = progress && progress.elapsedMs > 0 ? (progress.rows / progress.elapsedMs) * 1000 : 0;
  return (
    <div className="load-progress" role="progressbar" aria-label={`Loading ${loading.fileName}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(share * 100)}>
      <span className="load-name">Loading {loading.fileName}</span>
      <progress max={1} value={share} />
      {progress && (
        <span className="load-figures">
          {formatInteger(progress.rows)} rows · {formatMegabytes(progress.bytesRead)} of {formatMegabytes(progress.bytesTotal)} · {formatInteger(rate)} rows/s
        </span>
      )}
      {progress && progress.bytesTotal > LARGE_FILE_BYTES && (
        <span className="load-warning" role="note">
          Large file: this can take a minute and several hundred MB of memory. Cancel frees it.
        </span>
      )}
      <button type="button" onClick={cancelLoad}>
        Cancel
      </button>
    </div>
  );
}
