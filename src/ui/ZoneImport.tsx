import { kmlFromKmz, zonesFromKml, type AreaImportOptions, type ZoneImport } from '../core/zones/importZones';
import { fileFormat, readAreasInWorker } from '../worker/geometryClient';
import { useAppStore } from '../state/store';
import { FileButton } from './controls';
import { errorText, FieldChoice, GeoImportDialog, ProblemList, useGeoImport } from './GeoImportDialog';
import { formatInteger } from './format';

/** Beyond this many areas a file is a reference map (wards, LSOAs, buildings), not a set of PSPO zones: the user is asked. */
export const MANY_ZONES = 500;
/** Beyond this many, zones are refused: each is listed, drawn and labelled, and the page would stall. */
export const MAX_ZONES = 2_000;

/** The reader for a zones file, by its format: zipped Shapefile and GeoJSON in the geometry worker; KML and KMZ here (they need the page's XML parser). */
async function zoneReader(file: File): Promise<(options: AreaImportOptions) => Promise<ZoneImport>> {
  const format = await fileFormat('zones', file, file.name);
  if (format === 'kml' || format === 'kmz') {
    const kmlText = format === 'kmz' ? kmlFromKmz(new Uint8Array(await file.arrayBuffer()), file.name) : await file.text();
    const document = new DOMParser().parseFromString(kmlText, 'application/xml');
    return async (options) => zonesFromKml(document, file.name, options);
  }
  return (options) => readAreasInWorker<ZoneImport>(file, format === 'shapefile-zip' ? 'shapefile' : 'zones', options);
}

/** "Load zones…": read the file, show what was read (names, coordinate system, repairs), then add the zones. */
export function ZoneImportButton() {
  const { importZones, notify } = useAppStore.getState();
  const importer = useGeoImport<ZoneImport, AreaImportOptions>();
  const load = async (file: File) => {
    try {
      const read = await zoneReader(file);
      await importer.start(file.name, read);
    } catch (error) {
      notify('error', errorText(error, file.name));
    }
  };
  const confirm = async (result: ZoneImport) => {
    const fileName = importer.pending?.fileName ?? '';
    importer.close();
    await importZones(result.zones, fileName);
    notify(result.problems.length > 0 ? 'error' : 'info', `${result.zones.length} zone${result.zones.length === 1 ? '' : 's'} loaded from ${fileName}.${result.problems.length > 0 ? ` ${result.problems.slice(0, 20).join('; ')}${result.problems.length > 20 ? `; and ${result.problems.length - 20} more` : ''}.` : ''}`);
  };
  return (
    <>
      <FileButton label="Load zones…" accept=".geojson,.json,.kml,.kmz,.zip" ariaLabel="Load zones" onFile={(file) => void load(file)} />
      <GeoImportDialog importer={importer} title="Zones read from">
        {(result) => (
          <div className="import-summary">
            <p>
              {formatInteger(result.featuresRead)} feature{result.featuresRead === 1 ? '' : 's'} read: <strong>{formatInteger(result.zones.length)} zone{result.zones.length === 1 ? '' : 's'}</strong>. Coordinates: {result.crsNote}.
            </p>
            <FieldChoice label="Zone names from" value={result.nameField} fields={result.fields} onChange={(nameField) => void importer.reread({ nameField })} />
            <p className="muted small zone-name-preview">
              {result.zones.slice(0, 5).map((z) => z.name).join(', ')}
              {result.zones.length > 5 ? ', …' : ''}
            </p>
            <ProblemList problems={result.problems} />
            {result.zones.length > MAX_ZONES ? (
              <p className="error-text" role="alert">
                {formatInteger(result.zones.length)} areas is a reference map (wards, LSOAs, buildings), not a set of PSPO zones, and more than the {formatInteger(MAX_ZONES)} zones this app can list, draw and count. It has no reference layer yet: pick the areas you need in a GIS and load those.
              </p>
            ) : (
              result.zones.length > MANY_ZONES && (
                <p className="error-text" role="alert">
                  {formatInteger(result.zones.length)} areas is a reference map (wards, LSOAs), not a set of PSPO zones: each zone is drawn, listed and counted on its own. This app has no reference layer yet; keep them as zones only if you mean to.
                </p>
              )
            )}
            <div className="row end">
              <button type="button" onClick={importer.close}>
                Cancel
              </button>
              <button type="button" className="primary" disabled={result.zones.length === 0 || result.zones.length > MAX_ZONES} onClick={() => void confirm(result)}>
                {result.zones.length > MANY_ZONES ? `Keep ${formatInteger(result.zones.length)} as zones` : `Add ${formatInteger(result.zones.length)} zone${result.zones.length === 1 ? '' : 's'}`}
              </button>
            </div>
          </div>
        )}
      </GeoImportDialog>
    </>
  );
}
