import { useState } from 'react';
import { camerasFromCsv, camerasFromGeoJson, type CameraImport, type CameraImportOptions } from '../core/cameras/importCameras';
import { camerasFarFromData, FAR_FROM_DATA_KM } from '../core/cameras/farFromData';
import { useAppStore } from '../state/store';
import { fileFormat } from '../worker/geometryClient';
import { FileButton } from './controls';
import { errorText, FieldChoice, GeoImportDialog, ProblemList, useGeoImport } from './GeoImportDialog';
import { formatCount, formatInteger } from './format';


/** What the camera file gave: count, kinds, which fields were used, and warnings to read before loading. */
function CameraSummary({ result, asCandidates, onField }: { result: CameraImport; asCandidates: boolean; onField: (change: CameraImportOptions['fields']) => void }) {
  const dataCells = useAppStore((state) => state.hotspots?.aggregate.cells);
  const fixed = result.cameras.filter((c) => c.kind === 'fixed').length;
  const far = camerasFarFromData(result.cameras, dataCells ?? []);
  const { fields } = result;
  return (
    <>
      <p>
        {formatCount(result.rowsRead, 'row')} read: <strong>{formatCount(result.cameras.length, asCandidates ? 'candidate site' : 'camera')}</strong>
        {!asCandidates && ` (${formatInteger(fixed)} fixed, ${formatInteger(result.cameras.length - fixed)} re-deployable)`}. Coordinates: {result.crsNote}.
      </p>
      <div className="row">
        {!asCandidates && <FieldChoice label="Camera ids from" value={fields.id} fields={result.columns} onChange={(id) => onField({ id })} />}
        <FieldChoice label="Names from" value={fields.name} fields={result.columns} onChange={(name) => onField({ name })} />
      </div>
      {!asCandidates && (
        <ul className="small camera-fields">
          {result.repeatedIds > 0 && <li>{formatCount(result.repeatedIds, 'camera')} repeat an earlier id in the file; the later ones get a suffix, e.g. "{result.cameras.find((c, i) => i > 0 && / \(\d+\)$/.test(c.id))?.id}"</li>}
          <li>Fixed or re-deployable: {fields.type ? `from "${fields.type}"` : 'no type column, so all are read as fixed'}</li>
          <li>Coverage radius: {fields.radius ? `from "${fields.radius}"` : "none in the file: the plan's radius is used"}</li>
          {(fields.direction || fields.fov) && <li>Direction and field of view: from "{fields.direction ?? '—'}" and "{fields.fov ?? '—'}"</li>}
        </ul>
      )}
      {result.notCameras && (
        <p className="error-text" role="alert">
          This does not look like a {asCandidates ? 'list of camera sites' : 'camera register'}: {result.notCameras}. Load its {formatCount(result.cameras.length, 'point')} only if they really are {asCandidates ? 'places for cameras' : 'cameras'}.
        </p>
      )}
      {far && far.far > 0 && (
        <p className="error-text far-warning" role="alert">
          {formatInteger(far.far)} of {formatCount(far.total, asCandidates ? 'site' : 'camera')} stand more than {FAR_FROM_DATA_KM} km outside the area of the loaded incidents (median {formatInteger(Math.round(far.medianKm))} km away{far.examples.length > 0 ? `, e.g. ${far.examples.join(', ')}` : ''}): they can cover none of it.
        </p>
      )}
      <ProblemList problems={result.problems} />
    </>
  );
}

/** "Load cameras…" or "Load candidate sites…": read, show what was read, then add, replace or cancel. */
export function CameraImportButton({ asCandidates = false }: { asCandidates?: boolean }) {
  const current = useAppStore((state) => state.cameras);
  const { importCameras, setCandidateSites, notify } = useAppStore.getState();
  const importer = useGeoImport<CameraImport, CameraImportOptions>();
  const [fields, setFields] = useState<CameraImportOptions['fields']>({});
  const load = async (file: File) => {
    try {
      const format = await fileFormat('cameras', file, file.name);
      const text = await file.text();
      const json: unknown = format === 'geojson' ? JSON.parse(text) : null;
      setFields({});
      await importer.start(file.name, (options) => (json !== null ? camerasFromGeoJson(json, file.name, options) : camerasFromCsv(text, file.name, options)));
    } catch (error) {
      notify('error', errorText(error, file.name));
    }
  };
  const onField = (change: CameraImportOptions['fields']) => {
    const next = { ...fields, ...change };
    setFields(next);
    void importer.reread({ fields: next });
  };
  const apply = async (result: CameraImport, mode: 'add' | 'replace') => {
    const fileName = importer.pending?.fileName ?? '';
    importer.close();
    if (asCandidates) setCandidateSites(result.cameras.map(({ lat, lng, name }) => ({ lat, lng, name })));
    // The user's first cameras replace the synthetic sample; "add" then adds to what is left.
    else await importCameras(result.cameras, mode, fileName);
    const skipped = result.problems.length > 0 ? `; ${result.problems.length} rows skipped: ${result.problems.slice(0, 3).join('; ')}` : '';
    notify(result.problems.length > 0 ? 'error' : 'info', `${formatCount(result.cameras.length, asCandidates ? 'candidate site' : 'camera')} ${mode === 'add' && current.length > 0 && !asCandidates ? 'added' : 'loaded'} from ${fileName}${skipped}.`);
  };
  return (
    <>
      <FileButton label={asCandidates ? 'Load candidate sites…' : 'Load cameras…'} className="link" accept=".csv,.geojson,.json" ariaLabel={asCandidates ? 'Load candidate sites' : 'Load cameras'} onFile={(file) => void load(file)} />
      <GeoImportDialog importer={importer} title={asCandidates ? 'Candidate sites read from' : 'Cameras read from'}>
        {(result) => (
          <div className="import-summary">
            <CameraSummary result={result} asCandidates={asCandidates} onField={onField} />
            <div className="row end">
              <button type="button" onClick={importer.close}>
                Cancel
              </button>
              {!asCandidates && current.length > 0 && (
                <button type="button" disabled={result.cameras.length === 0} onClick={() => void apply(result, 'add')}>
                  Add to the {formatInteger(current.length)} current cameras
                </button>
              )}
              <button type="button" className="primary" disabled={result.cameras.length === 0} onClick={() => void apply(result, 'replace')}>
                {asCandidates ? `Use ${formatCount(result.cameras.length, 'site')}` : current.length > 0 ? 'Replace the current cameras' : `Load ${formatCount(result.cameras.length, 'camera')}`}
              </button>
            </div>
          </div>
        )}
      </GeoImportDialog>
    </>
  );
}
