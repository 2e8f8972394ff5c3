import { useState, type ReactNode } from 'react';
import { LooksLikeBngError } from '../core/geo/crs';
import { useAppStore } from '../state/store';
import { cancelAreaReads } from '../worker/geometryClient';
import { OptionalSelect } from './controls';
import { Modal } from './Dialogs';

/** What a geometry reader takes: whether to read undeclared numbers as British National Grid, plus its own choices. */
export interface ReadOptions {
  assumeBng?: boolean;
}

interface Pending<R, O extends ReadOptions> {
  fileName: string;
  read: (options: O) => Promise<R> | R;
  options: O;
  /** What was read, or null while reading or while the coordinate system is in question. */
  result: R | null;
  bngQuestion: string | null;
  reading: boolean;
}

export const errorText = (error: unknown, fileName: string): string => (error instanceof SyntaxError ? `${fileName} is not valid GeoJSON.` : error instanceof Error ? error.message : String(error));

/**
 * A geometry file read in steps the user can see: when its numbers look like British National Grid
 * and the file does not say so, ask; then show what was read, let the user change how it is read
 * (which field names things), and only then apply it.
 */
export function useGeoImport<R, O extends ReadOptions>() {
  const notify = useAppStore((state) => state.notify);
  const [pending, setPending] = useState<Pending<R, O> | null>(null);
  const run = async (next: Omit<Pending<R, O>, 'result' | 'bngQuestion' | 'reading'>) => {
    setPending({ ...next, result: null, bngQuestion: null, reading: true });
    try {
      setPending({ ...next, result: await next.read(next.options), bngQuestion: null, reading: false });
    } catch (error) {
      if (error instanceof LooksLikeBngError) setPending({ ...next, result: null, bngQuestion: error.message, reading: false });
      else {
        setPending(null);
        notify('error', errorText(error, next.fileName));
      }
    }
  };
  return {
    pending,
    start: (fileName: string, read: Pending<R, O>['read']) => run({ fileName, read, options: {} as O }),
    reread: (change: Partial<O>) => pending && run({ ...pending, options: { ...pending.options, ...change } }),
    close: () => setPending(null),
  };
}

export type GeoImport<R, O extends ReadOptions> = ReturnType<typeof useGeoImport<R, O>>;

/** The dialog of a geometry import: the coordinate-system question, or the summary the caller renders. */
export function GeoImportDialog<R, O extends ReadOptions>({ importer, title, children }: { importer: GeoImport<R, O>; title: string; children: (result: R) => ReactNode }) {
  const { pending, reread, close } = importer;
  if (!pending) return null;
  const cancel = () => {
    if (pending.reading) cancelAreaReads();
    close();
  };
  return (
    <Modal title={`${title}: ${pending.fileName}`} onCancel={cancel}>
      {pending.reading ? (
        <>
          <p role="status" className="reading-geometry">
            Reading and checking {pending.fileName}… Large files take a few seconds; the map keeps working meanwhile.
          </p>
          <div className="row end">
            <button type="button" onClick={cancel}>
              Cancel
            </button>
          </div>
        </>
      ) : pending.bngQuestion !== null ? (
        <>
          <p>{pending.bngQuestion}</p>
          <p className="muted small">Read them as British National Grid only if you know the file uses it; otherwise cancel and save the file as WGS84 (EPSG:4326).</p>
          <div className="row end">
            <button type="button" onClick={cancel}>
              Cancel
            </button>
            <button type="button" className="primary" onClick={() => void reread({ assumeBng: true } as Partial<O>)}>
              Read as British National Grid
            </button>
          </div>
        </>
      ) : (
        pending.result !== null && children(pending.result)
      )}
    </Modal>
  );
}

/** A choice of the field that names (or identifies) what was read; "" numbers them instead. */
export function FieldChoice({ label, value, fields, onChange }: { label: string; value: string | null; fields: readonly string[]; onChange: (field: string | null) => void }) {
  return <OptionalSelect label={label} value={value} choices={fields} noneLabel="(none: number them)" onChange={onChange} />;
}

/** Problems found while reading, the first few listed and the rest counted. */
export function ProblemList({ problems, limit = 12 }: { problems: readonly string[]; limit?: number }) {
  if (problems.length === 0) return null;
  return (
    <div className="import-problems">
      <p className="small">Skipped or repaired ({problems.length}):</p>
      <ul className="small">
        {problems.slice(0, limit).map((problem, i) => (
          <li key={i}>{problem}</li>
        ))}
        {problems.length > limit && <li>… and {problems.length - limit} more</li>}
      </ul>
    </div>
  );
}
