import { useState } from 'react';
import { useClassification } from '../state/classification';
import { hotspotsFileStem } from '../state/resultsSlice';
import { useAppStore } from '../state/store';
import { useBusyAction } from './controls';
import { downloadFile } from './download';
import { exportMapFigure } from './mapFigure';

/** What analysts carry away: the hotspot table and polygons, and the map as a framed image. */
export function ExportPanel() {
  const hasResult = useAppStore((state) => state.hotspots !== null);
  // While a map for new settings is computed, the one on screen is not what the settings say.
  const computing = useAppStore((state) => state.computing);
  const exportHotspots = useAppStore((state) => state.exportHotspots);
  const classification = useClassification();
  const [scale, setScale] = useState(1);
  const [busy, run] = useBusyAction('Export failed: ');
  const disabled = !hasResult || busy || computing;
  const exportTable = (format: 'csv' | 'geojson') =>
    run(async () => {
      const { fileName, text } = await exportHotspots(format);
      downloadFile(text, fileName, format === 'csv' ? 'text/csv' : 'application/geo+json');
    });

  return (
    <details open className="panel">
      <summary>Export</summary>
      <div className="button-column">
        <button type="button" disabled={disabled} onClick={() => void exportTable('csv')}>
          Export hotspots CSV
        </button>
        <button type="button" disabled={disabled} onClick={() => void exportTable('geojson')}>
          Export hotspots GeoJSON
        </button>
        <div className="row tight">
          <button
            type="button"
            disabled={disabled || !classification}
            onClick={() =>
              void run(async () => {
                const state = useAppStore.getState();
                const fileName = `${hotspotsFileStem(state)}${scale > 1 ? `@${scale}x` : ''}.png`;
                downloadFile(await exportMapFigure(state, classification, scale), fileName);
              })
            }
          >
            Export map PNG
          </button>
          <label className="inline">
            <span className="sr-only">Image scale</span>
            <select aria-label="Image scale" value={scale} onChange={(e) => setScale(Number(e.target.value))}>
              <option value={1}>Screen</option>
              <option value={2}>2× print</option>
              <option value={3}>3× print</option>
            </select>
          </label>
        </div>
      </div>
    </details>
  );
}
