import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { dataWorker } from './state/worker';
import { App } from './ui/App';
import './ui/app.css';

dataWorker.warmUp();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The built app works offline after its first visit (see sw.js, written at build time).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  void navigator.serviceWorker.register('./sw.js').catch(() => undefined);
}
