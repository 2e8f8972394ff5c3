import { StrictMode } from 'react';
import { forbidOnlineMaps, neverOnlineMapsSetting } from './state/onlineMaps';
import { createRoot } from 'react-dom/client';
import { dataWorker } from './state/worker';
import { App } from './ui/App';
import { HOTSPOTS_DRAWN } from './map/hotspotLayers';
import { readSavedWorkspace } from './state/restoreWorkspace';
import { SAMPLE_FILES } from './ui/sample';
import './ui/app.css';

// Before anything can make a request: a browser set never to use online maps gets the stricter policy.
if (neverOnlineMapsSetting()) forbidOnlineMaps();

// Start the data worker now and let it parse the sample while the page draws; the app claims the
// sample only if there is no saved workspace to restore.
dataWorker.call('prepare-sample', { files: SAMPLE_FILES.map(({ url, name, mapping }) => ({ url: new URL(url, window.location.href).href, name, mapping })) });

// The saved workspace is read meanwhile too (App restores it, or opens the sample without one).
void readSavedWorkspace().catch(() => undefined);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The built app works offline after its first visit (see sw.js, written at build time). The worker
// is registered once the first map is drawn (or after 10 s without one): installing it fetches and
// compiles the whole app again, which took a processor from the first map for most of a second.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  let registered = false;
  const register = () => {
    if (registered) return;
    registered = true;
    firstMap.disconnect();
    clearTimeout(fallback);
    void navigator.serviceWorker.register('./sw.js').catch(() => undefined);
  };
  const firstMap = new PerformanceObserver((list) => {
    if (list.getEntriesByName(HOTSPOTS_DRAWN).length > 0) register();
  });
  firstMap.observe({ type: 'mark' });
  const fallback = setTimeout(register, 10_000);
}
