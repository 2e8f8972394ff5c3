import { useState } from 'react';
import { useClassification } from '../state/classification';
import { describeView } from '../state/describe';
import { useAppStore } from '../state/store';
import { useBusyAction } from './controls';
import { downloadFile } from './download';
import { exportMapFigure } from './mapFigure';

/** What analysts carry away: the hotspot table and polygons, and the map as a framed image. */
export function ExportPanel() {
  const hasResult = useAppStore((state) => state.hotspots !== null);
  const exportHotspots = useAppStore((state) => state.exportHotspots);
  const classification = useClassification();
  const [scale, setScale] = useState(1);
  const [busy, run] = useBusyAction('Export failed: ');
  const baseName = () => {
    const description = describeView(useAppStore.getState());
    return `hotspots_${description.fileStem}`;
  };

  return (
    <details open className="panel">
      <summary>Export</summary>
      <div className="button-column">
        <button type="button" disabled={!hasResult || busy} onClick={() => void run(async () => downloadFile(await exportHotspots('csv'), `${baseName()}.csv`, 'text/csv'))}>
          Export hotspots CSV
        </button>
        <button
          type="button"
          disabled={!hasResult || busy}
          onClick={() => void run(async () => downloadFile(await exportHotspots('geojson'), `${baseName()}.geojson`, 'application/geo+json'))}
        >
          Export hotspots GeoJSON
        </button>
        <div className="row tight">
          <button
            type="button"
            disabled={!hasResult || busy || !classification}
            onClick={() =>
              void run(async () => {
                const blob = await exportMapFigure(useAppStore.getState(), classification, scale);
                downloadFile(blob, `${baseName()}${scale > 1 ? `@${scale}x` : ''}.png`);
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
