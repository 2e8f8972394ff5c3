import { StrictMode } from 'react';
import { forbidOnlineMaps, neverOnlineMapsSetting } from './state/onlineMaps';
import { createRoot } from 'react-dom/client';
import { dataWorker } from './state/worker';
import { App } from './ui/App';
import { HOTSPOTS_DRAWN, outlineAhead } from './map/hotspotLayers';
import { warmCellShapes } from './worker/cellShapesClient';
import { readSavedWorkspace } from './state/restoreWorkspace';
import { SAMPLE_FILES } from './ui/sample';
import './ui/app.css';

// Before anything can make a request: a browser set never to use online maps gets the stricter policy.
if (neverOnlineMapsSetting()) forbidOnlineMaps();

// Start the data worker now and let it parse the sample while the page draws; the app claims the
// sample only if there is no saved workspace to restore.
dataWorker.call('prepare-sample', { files: SAMPLE_FILES.map(({ url, name, mapping }) => ({ url: new URL(url, window.location.href).href, name, mapping })) });

// The cells of a big map are outlined while the data worker is still counting it.
dataWorker.onCells = outlineAhead;

// The saved workspace is read meanwhile too (App restores it, or opens the sample without one).
void readSavedWorkspace().catch(() => undefined);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// What can wait until the first map is drawn (or 10 s without one) starts then, rather than compete
// with it for the processor: the offline service worker (see sw.js, written at build time), whose
// install fetches and compiles the whole app again, and the workers that read big files and draw big maps.
let started = false;
const afterFirstMap = () => {
  if (started) return;
  started = true;
  firstMap.disconnect();
  clearTimeout(fallback);
  if (import.meta.env.PROD && 'serviceWorker' in navigator) void navigator.serviceWorker.register('./sw.js').catch(() => undefined);
  void dataWorker.call('warm-parsers', {}).promise.catch(() => undefined);
  warmCellShapes();
};
const firstMap = new PerformanceObserver((list) => {
  if (list.getEntriesByName(HOTSPOTS_DRAWN).length > 0) afterFirstMap();
});
firstMap.observe({ type: 'mark' });
const fallback = setTimeout(afterFirstMap, 10_000);
