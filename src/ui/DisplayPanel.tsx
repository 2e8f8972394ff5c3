import type { ClassBreaks, HotspotMethod } from '../state/viewSlice';
import { useAppStore } from '../state/store';

const METHODS: { value: HotspotMethod; label: string }[] = [
  { value: 'count', label: 'Incident count' },
  { value: 'harm', label: 'Harm-weighted' },
];
const BREAKS: { value: ClassBreaks; label: string }[] = [
  { value: 'quantile', label: 'Quantile' },
  { value: 'equal', label: 'Equal interval' },
  { value: 'jenks', label: 'Natural breaks (Jenks)' },
];

export function DisplayPanel() {
  const view = useAppStore((state) => state.view);
  const setView = useAppStore((state) => state.setView);
  return (
    <details open className="panel">
      <summary>Map display</summary>
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
      <label>
        Opacity {Math.round(view.opacity * 100)}%
        <input type="range" min={0.1} max={1} step={0.05} value={view.opacity} onChange={(e) => setView({ opacity: Number(e.target.value) })} />
      </label>
    </details>
  );
}
