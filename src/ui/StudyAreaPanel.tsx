import { useState } from 'react';
import { areaChoiceWords, areaLabel, type AreaChoice } from '../core/vocabulary';
import { areaProblem } from '../state/areasSlice';
import { useAppStore } from '../state/store';
import { FileButton } from './controls';
import { formatInteger } from './format';

/** Choices travel through the select as JSON, so names with any characters round-trip. */
const encode = (choice: AreaChoice | null): string => (choice ? JSON.stringify(choice) : '');

/**
 * The study area: a feature of a loaded boundary file (chosen from the list or by clicking the
 * map), a drawn or imported zone, or police.uk's LSOA name prefix. Everything is scoped to it,
 * and what lies outside is counted here.
 */
export function StudyAreaPanel() {
  const area = useAppStore((state) => state.view.area);
  const layers = useAppStore((state) => state.boundaryLayers);
  const zones = useAppStore((state) => state.zones);
  const pickingFrom = useAppStore((state) => state.pickingFrom);
  const outside = useAppStore((state) => state.hotspots?.area);
  const hasPoliceUk = useAppStore((state) => state.sources.some((s) => s.kind === 'police.uk'));
  const problem = useAppStore(areaProblem);
  const { setView, loadBoundaryFile, setLayerShown, removeBoundaryLayer, setPickingFrom } = useAppStore.getState();
  const [prefix, setPrefix] = useState(area?.kind === 'lsoa' ? area.prefix : '');
  const options: { group: string; choices: AreaChoice[] }[] = [
    ...layers.map((layer) => ({ group: layer.name, choices: layer.features.map((f): AreaChoice => ({ kind: 'boundary', layer: layer.name, feature: f.name })) })),
    { group: 'Zones (drawn or imported)', choices: zones.map((z): AreaChoice => ({ kind: 'zone', name: z.name })) },
  ];
  const listed = options.some((o) => o.choices.some((c) => encode(c) === encode(area)));
  return (
    <details open className="panel">
      <summary>Study area</summary>
      <label>
        Study area
        <select aria-label="Study area" value={encode(area)} onChange={(e) => setView({ area: e.target.value ? (JSON.parse(e.target.value) as AreaChoice) : null })}>
          <option value="">Everywhere in the loaded data</option>
          {area && !listed && <option value={encode(area)}>{areaChoiceWords(area)}</option>}
          {options
            .filter((o) => o.choices.length > 0)
            .map((o) => (
              <optgroup key={o.group} label={o.group}>
                {o.choices.map((c) => (
                  <option key={encode(c)} value={encode(c)}>
                    {areaLabel(c)}
                  </option>
                ))}
              </optgroup>
            ))}
        </select>
      </label>
      {hasPoliceUk && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            if (prefix.trim()) setView({ area: { kind: 'lsoa', prefix: prefix.trim() } });
          }}
        >
          <label>
            LSOA name starts with
            <input type="text" value={prefix} placeholder="e.g. Brent" onChange={(e) => setPrefix(e.target.value)} />
          </label>
          <button type="submit">Use LSOA names</button>
        </form>
      )}
      {area && outside && outside.name !== null && (
        <p className="small" role="status" data-testid="outside-count">
          {formatInteger(outside.outside)} incidents outside {outside.name} not shown.
        </p>
      )}
      {problem && (
        <p className="error-text small" role="alert">
          {problem}
        </p>
      )}
      <FileButton label="Load boundary file (GeoJSON or zipped Shapefile)…" className="link" accept=".geojson,.json,.zip" ariaLabel="Load boundary file" onFile={(file) => void loadBoundaryFile(file, file.name)} />
      {layers.length > 0 && (
        <ul className="plain-list">
          {layers.map((layer) => (
            <li key={layer.name}>
              <label className="checkbox">
                <input type="checkbox" checked={layer.shown} onChange={(e) => setLayerShown(layer.name, e.target.checked)} />
                Show outlines: {layer.name} ({layer.features.length})
              </label>
              <div className="row">
                <button type="button" className="link" aria-pressed={pickingFrom === layer.name} onClick={() => setPickingFrom(pickingFrom === layer.name ? null : layer.name)}>
                  {pickingFrom === layer.name ? 'Click an area on the map… (cancel)' : 'Pick on the map'}
                </button>
                <button type="button" className="link" onClick={() => removeBoundaryLayer(layer.name)}>
                  Remove
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
