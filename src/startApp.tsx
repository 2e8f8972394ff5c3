import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { readSavedWorkspace } from './state/restoreWorkspace';
// After App, so the app's styles come after the map library's (the map container's position is the app's).
import './ui/app.css';

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
