import { CLASS_BREAK_WORDS, CLASS_BREAKS, HOTSPOT_METHODS, METHOD_WORDS, WEIGHTING_WORDS, WEIGHTINGS, type ClassBreaks, type HotspotMethod, type Weighting } from '../core/vocabulary';
import { useAppStore } from '../state/store';
import { FileButton, MonthSelect, Select } from './controls';
import { HarmWeights } from './HarmWeights';

const METHODS = HOTSPOT_METHODS.map((value) => ({ value, label: METHOD_WORDS[value].control }));
const WEIGHTING_OPTIONS = WEIGHTINGS.map((value) => ({ value, label: WEIGHTING_WORDS[value].control }));
const BREAKS = CLASS_BREAKS.map((value) => ({ value, label: CLASS_BREAK_WORDS[value] }));

/** Gi* cells without a polygon study area: the data's cells and rings of empty cells around them. */
function RingControl() {
  const studyArea = useAppStore((state) => state.view.studyArea);
  const polygonArea = useAppStore((state) => state.view.area !== null && state.view.area.kind !== 'lsoa');
  const setView = useAppStore((state) => state.setView);
  if (polygonArea) return <p className="muted small">Gi* cells: every cell whose centre lies in the study area.</p>;
  return (
    <Select
      label="Gi* cells"
      value={studyArea.kind === 'ring' ? studyArea.ringK : 1}
      options={[1, 2, 3].map((k) => ({ value: k, label: `Data cells and ${k} ring${k > 1 ? 's' : ''} around them` }))}
      onChange={(ringK) => setView({ studyArea: { kind: 'ring', ringK } })}
    />
  );
}

/** Which loaded boundary file the counts by area use, and totals or rates per hectare. */
function CountsLayerControl() {
  const layers = useAppStore((state) => state.boundaryLayers);
  const countsLayer = useAppStore((state) => state.view.countsLayer);
  const perHectare = useAppStore((state) => state.view.perHectare);
  const setView = useAppStore((state) => state.setView);
  if (layers.length === 0) return <p className="muted small">Load a boundary file (wards, LSOAs…) under Study area to count by its areas.</p>;
  return (
    <div className="row">
      <Select label="Count by" value={countsLayer ?? ''} options={[{ value: '', label: 'Choose a boundary file' }, ...layers.map((l) => ({ value: l.name, label: `${l.name} (${l.features.length})` }))]} onChange={(name) => setView({ countsLayer: name || null })} />
      <label className="checkbox">
        <input type="checkbox" checked={perHectare} onChange={(e) => setView({ perHectare: e.target.checked })} />
        Per hectare
      </label>
    </div>
  );
}

/** The earlier period of a comparison: automatic (the same length just before) or chosen. */
function ComparisonControls() {
  const view = useAppStore((state) => state.view);
  const sources = useAppStore((state) => state.sources);
  const setView = useAppStore.getState().setView;
  const mins = sources.map((s) => s.monthMin).filter((m): m is number => m !== null);
  const maxs = sources.map((s) => s.monthMax).filter((m): m is number => m !== null);
  if (mins.length === 0) return null;
  const months = Array.from({ length: Math.max(...maxs) - Math.min(...mins) + 1 }, (_, i) => Math.min(...mins) + i);
  const automatic = view.compareFrom === null || view.compareTo === null;
  return (
    <fieldset>
      <legend>Compare the chosen months with</legend>
      <label className="checkbox">
        <input type="checkbox" checked={automatic} onChange={(e) => setView(e.target.checked ? { compareFrom: null, compareTo: null } : { compareFrom: months[0], compareTo: months[Math.min(months.length - 1, 2)] })} />
        the same number of months just before
      </label>
      {!automatic && (
        <div className="row">
          <MonthSelect label="Earlier from" value={view.compareFrom ?? months[0]} months={months} onChange={(m) => setView({ compareFrom: m, compareTo: Math.max(m, view.compareTo ?? m) })} />
          <MonthSelect label="Earlier to" value={view.compareTo ?? months[0]} months={months} onChange={(m) => setView({ compareTo: m, compareFrom: Math.min(m, view.compareFrom ?? m) })} />
        </div>
      )}
      <label>
        Minimum earlier count for a % change
        <input type="number" min={1} max={100} value={view.minChangeCount} onChange={(e) => setView({ minChangeCount: Math.max(1, e.target.valueAsNumber || 1) })} />
      </label>
    </fieldset>
  );
}

function BasemapControl() {
  const basemap = useAppStore((state) => state.basemap);
  const neverOnline = useAppStore((state) => state.neverOnlineMaps);
  const { setBasemap, loadBasemapFile, setNeverOnlineMaps } = useAppStore.getState();
  const options = [
    ...(neverOnline ? [] : [{ value: 'online', label: 'Online map (OpenStreetMap via CARTO)' }]),
    { value: 'plain', label: 'Plain background' },
    ...(basemap.kind === 'file' ? [{ value: 'file', label: `Offline file: ${basemap.name}` }] : []),
  ];
  return (
    <>
      <Select label="Basemap" value={basemap.kind} options={options} onChange={(kind) => kind !== 'file' && setBasemap({ kind: kind as 'online' | 'plain' })} />
      <FileButton label="Load offline basemap (.pmtiles)…" className="link" accept=".pmtiles" ariaLabel="Load offline basemap" onFile={(file) => void loadBasemapFile(file)} />
      <label className="checkbox">
        <input type="checkbox" checked={neverOnline} onChange={(e) => setNeverOnlineMaps(e.target.checked)} />
        Never use online maps (this browser)
      </label>
    </>
  );
}

export function DisplayPanel() {
  const view = useAppStore((state) => state.view);
  const setView = useAppStore((state) => state.setView);
  return (
    <details open className="panel">
      <summary>Map display</summary>
      <div className="row">
        <Select<HotspotMethod> label="Hotspot method" value={view.method} options={METHODS} onChange={(method) => setView({ method })} />
        <Select<Weighting> label="Weighting" value={view.weighting} options={WEIGHTING_OPTIONS} onChange={(weighting) => setView({ weighting })} />
      </div>
      {view.weighting === 'harm' && <HarmWeights />}
      {view.method === 'change' && <ComparisonControls />}
      {view.method === 'areas' && <CountsLayerControl />}
      {view.method === 'gistar' || view.method === 'emerging' ? (
        <>
          <div className="row">
            <Select label="Neighbourhood (k)" value={view.giK} options={[1, 2, 3].map((k) => ({ value: k, label: `${k} ring${k > 1 ? 's' : ''} (${1 + 3 * k * (k + 1)} cells)` }))} onChange={(giK) => setView({ giK })} />
            {view.method === 'gistar' ? (
              <label className="checkbox">
                <input type="checkbox" checked={view.fdr} onChange={(e) => setView({ fdr: e.target.checked })} />
                FDR correction
              </label>
            ) : (
              <p className="muted small">FDR correction always on (ArcGIS)</p>
            )}
          </div>
          <RingControl />
        </>
      ) : view.method === 'count' || view.method === 'areas' ? (
        <div className="row">
          <Select<ClassBreaks> label="Class breaks" value={view.classBreaks} options={BREAKS} onChange={(classBreaks) => setView({ classBreaks })} />
          <Select label="Classes" value={view.classCount} options={[3, 4, 5, 6, 7].map((n) => ({ value: n, label: String(n) }))} onChange={(classCount) => setView({ classCount })} />
        </div>
      ) : null}
      <BasemapControl />
      <label>
        Opacity {Math.round(view.opacity * 100)}%
        <input type="range" min={0.1} max={1} step={0.05} value={view.opacity} onChange={(e) => setView({ opacity: Number(e.target.value) })} />
      </label>
    </details>
  );
}
