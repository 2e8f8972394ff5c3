import { StrictMode } from 'react';
import { forbidOnlineMaps, neverOnlineMapsSetting } from './state/onlineMaps';
import { createRoot } from 'react-dom/client';
import { dataWorker } from './state/worker';
import { App } from './ui/App';
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

// The built app works offline after its first visit (see sw.js, written at build time).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  void navigator.serviceWorker.register('./sw.js').catch(() => undefined);
}
