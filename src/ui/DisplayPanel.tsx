import { useRef, useState } from 'react';
import { boundariesFromGeoJson, type NamedBoundary } from '../core/geo/boundaries';
import type { ClassBreaks, HotspotMethod, Weighting } from '../state/viewSlice';
import { useAppStore } from '../state/store';
import { HarmWeights } from './HarmWeights';

const METHODS: { value: HotspotMethod; label: string }[] = [
  { value: 'count', label: 'Incident count' },
  { value: 'gistar', label: 'Gi* hot spots (significance)' },
  { value: 'emerging', label: 'Emerging hot spots (trend)' },
];
const BREAKS: { value: ClassBreaks; label: string }[] = [
  { value: 'quantile', label: 'Quantile' },
  { value: 'equal', label: 'Equal interval' },
  { value: 'jenks', label: 'Natural breaks (Jenks)' },
];

/** The study area for statistics: a ring around the data, or a boundary loaded from GeoJSON. */
function StudyAreaControl() {
  const studyArea = useAppStore((state) => state.view.studyArea);
  const setView = useAppStore((state) => state.setView);
  const notify = useAppStore((state) => state.notify);
  const [boundaries, setBoundaries] = useState<NamedBoundary[]>([]);
  const input = useRef<HTMLInputElement>(null);
  const value = studyArea.kind === 'ring' ? `ring:${studyArea.ringK}` : `boundary:${studyArea.name}`;
  const choose = (choice: string) => {
    const [kind, rest] = choice.split(/:(.*)/s);
    if (kind === 'ring') setView({ studyArea: { kind: 'ring', ringK: Number(rest) } });
    else {
      const boundary = boundaries.find((b) => b.name === rest);
      if (boundary) setView({ studyArea: { kind: 'boundary', name: boundary.name, geometry: boundary.geometry } });
    }
  };
  const load = async (file: File) => {
    try {
      const found = boundariesFromGeoJson(JSON.parse(await file.text()), file.name);
      setBoundaries(found);
      const first = found.find((b) => /brent/i.test(b.name)) ?? found[0];
      setView({ studyArea: { kind: 'boundary', name: first.name, geometry: first.geometry } });
    } catch (error) {
      notify('error', error instanceof SyntaxError ? `${file.name} is not valid GeoJSON.` : error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <>
      <label>
        Study area
        <select value={value} onChange={(e) => choose(e.target.value)}>
          {[1, 2, 3].map((k) => (
            <option key={k} value={`ring:${k}`}>
              Data cells and {k} ring{k > 1 ? 's' : ''} around them
            </option>
          ))}
          {studyArea.kind === 'boundary' && !boundaries.some((b) => b.name === studyArea.name) && <option value={value}>Boundary: {studyArea.name}</option>}
          {boundaries.map((b) => (
            <option key={b.name} value={`boundary:${b.name}`}>
              Boundary: {b.name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="link" onClick={() => input.current?.click()}>
        Load boundary (GeoJSON)…
      </button>
      <input
        ref={input}
        type="file"
        accept=".geojson,.json"
        aria-label="Load study area boundary"
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void load(file);
        }}
      />
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
        <label>
          Hotspot method
          <select value={view.method} onChange={(e) => setView({ method: e.target.value as HotspotMethod })}>
            {METHODS.map((m) => (
              <option key={m.value} value={m.value}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Weighting
          <select value={view.weighting} onChange={(e) => setView({ weighting: e.target.value as Weighting })}>
            <option value="count">Each incident = 1</option>
            <option value="harm">Harm-weighted</option>
          </select>
        </label>
      </div>
      {view.weighting === 'harm' && <HarmWeights />}
      {view.method !== 'count' ? (
        <>
          <div className="row">
            <label>
              Neighbourhood (k)
              <select value={view.giK} onChange={(e) => setView({ giK: Number(e.target.value) })}>
                {[1, 2, 3].map((k) => (
                  <option key={k} value={k}>
                    {k} ring{k > 1 ? 's' : ''} ({1 + 3 * k * (k + 1)} cells)
                  </option>
                ))}
              </select>
            </label>
            <label className="checkbox">
              <input type="checkbox" checked={view.fdr} onChange={(e) => setView({ fdr: e.target.checked })} />
              FDR correction
            </label>
          </div>
          <StudyAreaControl />
        </>
      ) : (
        <div className="row">
          <label>
            Class breaks
            <select value={view.classBreaks} onChange={(e) => setView({ classBreaks: e.target.value as ClassBreaks })}>
              {BREAKS.map((b) => (
                <option key={b.value} value={b.value}>
                  {b.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Classes
            <select value={view.classCount} onChange={(e) => setView({ classCount: Number(e.target.value) })}>
              {[3, 4, 5, 6, 7].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      <label>
        Opacity {Math.round(view.opacity * 100)}%
        <input type="range" min={0.1} max={1} step={0.05} value={view.opacity} onChange={(e) => setView({ opacity: Number(e.target.value) })} />
      </label>
    </details>
  );
}
