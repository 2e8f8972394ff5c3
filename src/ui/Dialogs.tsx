import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { MappingRequest } from '../core/ingest/ingestFile';
import type { ForceFiles } from '../core/ingest/policeForces';
import { missingMappingFields, type ColumnMapping, type CoordinateSystem } from '../core/ingest/schema';
import { fileNamesInWords } from '../state/fileNames';
import type { FilesInWords } from '../state/sourcesSlice';
import { useAppStore } from '../state/store';
import { ColumnHeads, OptionalSelect } from './controls';
import { formatCount, formatInteger, formatMegabytes } from './format';

/** A native modal dialog: focus is trapped and Escape closes it (answering "cancel"). */
export function Modal({ title, onCancel, children }: { title: string; onCancel: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-label={title}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2>{title}</h2>
      {children}
    </dialog>
  );
}

function ColumnSelect({ label, value, header, optional, onChange }: { label: string; value: string | undefined; header: readonly string[]; optional?: boolean; onChange: (v: string | undefined) => void }) {
  return <OptionalSelect label={label} value={value ?? null} choices={header} noneLabel={optional ? '(none)' : '(choose a column)'} onChange={(column) => onChange(column ?? undefined)} />;
}

function MappingDialog({ fileName, request, initial, remembered }: { fileName: string; request: MappingRequest; initial: Partial<ColumnMapping>; remembered: boolean }) {
  const answer = useAppStore.getState().answerPrompt;
  const [mapping, setMapping] = useState<Partial<ColumnMapping>>({ coordinates: 'wgs84', ...initial });
  const set = (change: Partial<ColumnMapping>) => setMapping((m) => ({ ...m, ...change }));
  const missing = missingMappingFields(mapping, request.header);
  const bng = mapping.coordinates === 'bng';
  return (
    <Modal title={`Map the columns of ${fileName}`} onCancel={() => answer(null)}>
      <p className="muted">
        {remembered ? 'Pre-filled with the mapping you chose last time for files with these columns.' : 'Pre-filled with guesses from the column names. Check them, then load.'}
      </p>
      <fieldset className="row">
        <legend>Coordinates</legend>
        {(['wgs84', 'bng'] as CoordinateSystem[]).map((system) => (
          <label key={system} className="checkbox">
            <input type="radio" name="coordinates" checked={mapping.coordinates === system} onChange={() => set({ coordinates: system })} />
            {system === 'wgs84' ? 'Latitude / longitude (WGS84)' : 'Easting / northing (British National Grid, EPSG:27700)'}
          </label>
        ))}
      </fieldset>
      <div className="mapping-grid">
        <ColumnSelect label={bng ? 'Easting column' : 'Longitude column'} value={mapping.x} header={request.header} onChange={(x) => set({ x })} />
        <ColumnSelect label={bng ? 'Northing column' : 'Latitude column'} value={mapping.y} header={request.header} onChange={(y) => set({ y })} />
        <ColumnSelect label="Date or date-time column" value={mapping.date} header={request.header} onChange={(date) => set({ date })} />
        <ColumnSelect label="Time column" optional value={mapping.time} header={request.header} onChange={(time) => set({ time })} />
        <ColumnSelect label="Category column" optional value={mapping.category} header={request.header} onChange={(category) => set({ category })} />
        <ColumnSelect label="Reference column" optional value={mapping.reference} header={request.header} onChange={(reference) => set({ reference })} />
        <ColumnSelect label="Location text column" optional value={mapping.location} header={request.header} onChange={(location) => set({ location })} />
        <ColumnSelect label="Person or household key column" optional value={mapping.key} header={request.header} onChange={(key) => set({ key })} />
      </div>
      <p className="muted small">Dates are read day-first (UK): 31/01/2025 14:30, 2025-01-31T14:30, 2025-01. The Community Trigger radar needs dates with a day; it groups complaints by place and by the person or household key, which stays in this browser.</p>
      <div className="sample-table">
        <table className="compact">
          <ColumnHeads text={request.header} />
          <tbody>
            {request.sampleRows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (
                  <td key={j}>{cell.length > 40 ? `${cell.slice(0, 40)}…` : cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {missing.length > 0 && <p className="error-text">Still needed: {missing.join(', ')}.</p>}
      <div className="row end">
        <button type="button" onClick={() => answer(null)}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={missing.length > 0} onClick={() => answer(mapping as ColumnMapping)}>
          Load with this mapping
        </button>
      </div>
    </Modal>
  );
}

/** Which police forces to load from files holding several (police.uk's archive of every force holds them all). */
function ForceDialog({ from, forces, ticked, remembered }: { from: FilesInWords; forces: readonly ForceFiles[]; ticked: readonly string[]; remembered: boolean }) {
  const answer = useAppStore.getState().answerPrompt;
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(ticked));
  const picked = forces.filter((force) => chosen.has(force.force));
  const toggle = (force: string) =>
    setChosen((was) => {
      const next = new Set(was);
      if (!next.delete(force)) next.add(force);
      return next;
    });
  const files = picked.reduce((total, force) => total + force.files, 0);
  const bytes = picked.reduce((total, force) => total + force.bytes, 0);
  return (
    <Modal title="Choose the police forces to load" onCancel={() => answer(null)}>
      <p>
        {from.names} {from.several ? 'hold' : 'holds'} police.uk street-level crime of {forces.length} forces. Only the forces ticked are unpacked and loaded; the others' files are left out.
        {remembered && ' Ticked as you chose last time.'}
      </p>
      <fieldset className="force-list">
        <legend>Forces</legend>
        {forces.map((force) => (
          <label key={force.force} className="checkbox">
            <input type="checkbox" checked={chosen.has(force.force)} onChange={() => toggle(force.force)} />
            <span>
              {force.name} <span className="muted">
                · {formatCount(force.files, 'file')}, {force.firstMonth === force.lastMonth ? force.firstMonth : `${force.firstMonth} to ${force.lastMonth}`}, {formatMegabytes(force.bytes)}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="row">
        <button type="button" onClick={() => setChosen(new Set(forces.map((force) => force.force)))} disabled={picked.length === forces.length}>
          Tick all
        </button>
        <button type="button" onClick={() => setChosen(new Set())} disabled={picked.length === 0}>
          Untick all
        </button>
      </div>
      <p className="muted" aria-live="polite">
        {picked.length === 0 ? 'Tick at least one force.' : `To load: ${formatCount(files, 'street-level file')} of ${formatCount(picked.length, 'force')}, ${formatMegabytes(bytes)}.`}
      </p>
      <div className="row end">
        <button type="button" onClick={() => answer(null)}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={picked.length === 0} onClick={() => answer(picked.map((force) => force.force))}>
          Load {picked.length === 1 ? picked[0].name : `${formatInteger(picked.length)} forces`}
        </button>
      </div>
    </Modal>
  );
}

/** The open prompt, if any: a column mapping, "this file is already loaded", or which forces to load. */
export function Dialogs() {
  const prompt = useAppStore((state) => state.prompt);
  const answer = useAppStore.getState().answerPrompt;
  if (!prompt) return null;
  if (prompt.kind === 'forces') return <ForceDialog key={prompt.from.names} from={prompt.from} forces={prompt.forces} ticked={prompt.ticked} remembered={prompt.remembered} />;
  if (prompt.kind === 'mapping') return <MappingDialog key={prompt.fileName} fileName={prompt.fileName} request={prompt.request} initial={prompt.initial} remembered={prompt.remembered} />;
  if (prompt.kind === 'revised') {
    const several = prompt.names.length > 1;
    return (
      <Modal title={several ? 'Files already loaded, with other content' : 'File already loaded, with other content'} onCancel={() => answer('skip')}>
        <p>
          {fileNamesInWords(prompt.names)} {several ? 'have the names of loaded files but other content: newer editions' : 'has the name of a loaded file but other content: a newer edition'}, perhaps
          (police.uk republishes months with corrections). Loading {several ? 'them' : 'it'} beside the loaded {several ? 'files' : 'file'} would count the incidents they share twice.
        </p>
        <div className="row end">
          <button type="button" className="primary" onClick={() => answer('replace')}>
            Replace the loaded {several ? 'files' : 'file'}
          </button>
          <button type="button" onClick={() => answer('skip')}>
            Skip {several ? 'them' : 'it'}
          </button>
          <button type="button" onClick={() => answer('beside')}>
            Load beside
          </button>
        </div>
      </Modal>
    );
  }
  return (
    <Modal title="File already loaded" onCancel={() => answer(false)}>
      <p>
        {prompt.fileName} has the same size and content as {prompt.existingName}, which is already loaded. Loading it again would count its incidents twice.
      </p>
      <div className="row end">
        <button type="button" className="primary" onClick={() => answer(false)}>
          Skip this file
        </button>
        <button type="button" onClick={() => answer(true)}>
          Load it again
        </button>
      </div>
    </Modal>
  );
}
