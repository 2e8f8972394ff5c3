import { areaCountsCsv } from '../core/hotspots/areaCounts';
import { areaValues } from '../state/areaClassification';
import { describeView } from '../state/describe';
import { shownAreaCounts } from '../state/areasSlice';
import { shownWeighting } from '../state/resultsSlice';
import { useAppStore } from '../state/store';
import { ColumnHeads } from './controls';
import { downloadFile } from './download';
import { formatInteger, formatNumber } from './format';

/** Counts by area as a table, highest first, with the CSV and GeoJSON exports. */
export function AreaCountsTable() {
  const counts = useAppStore(shownAreaCounts);
  const weighting = useAppStore(shownWeighting);
  const perHectare = useAppStore((state) => state.view.perHectare);
  const layers = useAppStore((state) => state.boundaryLayers);
  if (!counts) return null;
  const values = areaValues(counts, weighting, perHectare);
  const order = counts.areas.map((_, i) => i).sort((a, b) => values[b] - values[a] || counts.areas[a].name.localeCompare(counts.areas[b].name));
  const fileName = () => {
    const description = describeView(useAppStore.getState());
    return `counts-by-area_${counts.layer.replace(/\.[^.]+$/, '').replace(/[^0-9A-Za-z]+/g, '-')}_${description.periodSlug}`;
  };
  const exportGeoJson = () => {
    const layer = layers.find((l) => l.name === counts.layer);
    if (!layer) return;
    const area = describeView(useAppStore.getState()).area ?? '';
    const features = counts.areas.map((a) => {
      return { type: 'Feature', geometry: layer.features[a.index].geometry, properties: { area: a.name, layer: counts.layer, count: a.count, harm: a.harm, area_ha: Number(a.areaHa.toFixed(2)), count_per_ha: a.count / a.areaHa, harm_per_ha: a.harm / a.areaHa, study_area: area } };
    });
    downloadFile(JSON.stringify({ type: 'FeatureCollection', features }), `${fileName()}.geojson`, 'application/geo+json');
  };
  return (
    <section className="panel area-counts" aria-label="Counts by area">
      <h2>Counts by area</h2>
      <p className="muted small">
        {formatInteger(counts.total)} incidents in {counts.areas.length} area{counts.areas.length === 1 ? '' : 's'} of {counts.layer}
        {counts.unassigned > 0 && `; ${formatInteger(counts.unassigned)} in none of them`}.
      </p>
      <div className="row tight">
        <button type="button" onClick={() => downloadFile(areaCountsCsv(counts, describeView(useAppStore.getState()).area ?? ''), `${fileName()}.csv`, 'text/csv')}>
          Export counts by area CSV
        </button>
        <button type="button" className="link" onClick={exportGeoJson}>
          GeoJSON
        </button>
      </div>
      <table className="compact">
        <ColumnHeads text={['Area']} numbers={[weighting === 'harm' ? 'Harm' : 'Count', 'per ha']} />
        <tbody>
          {order.slice(0, 50).map((i) => {
            const a = counts.areas[i];
            const value = weighting === 'harm' ? a.harm : a.count;
            return (
              <tr key={`${a.name}-${i}`}>
                <td>{a.name}</td>
                <td className="num">{weighting === 'harm' ? formatNumber(value) : formatInteger(value)}</td>
                <td className="num">{(value / a.areaHa).toFixed(2)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
