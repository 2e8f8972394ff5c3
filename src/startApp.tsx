import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { readSavedWorkspace } from './state/restoreWorkspace';

// The saved workspace is read while the app draws (App restores it, or opens the sample without one).
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
