import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/** Basemap tile hosts the app may contact; nothing else leaves the page. */
export const BASEMAP_HOSTS = ['https://*.basemaps.cartocdn.com'];

/**
 * Content-Security-Policy for the built app: scripts and workers only from the app itself (plus
 * WebAssembly compilation for the solver), network only to the app and the basemap hosts, no
 * plugins, no forms. Added at build time because the dev server injects inline scripts.
 */
function contentSecurityPolicy(): Plugin {
  const policy = [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self' blob:",
    `connect-src 'self' data: blob: ${BASEMAP_HOSTS.join(' ')}`,
    `img-src 'self' data: blob: ${BASEMAP_HOSTS.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: (html) => html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`),
  };
}

/**
 * An offline app shell: after the build, writes `sw.js`, a service worker that caches every built
 * file (scripts, workers, styles, WebAssembly, the sample data) on install and serves them when
 * the network is gone, so a council laptop in the field can open the app.
 */
function offlineServiceWorker(): Plugin {
  return {
    name: 'offline-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = ['./', './index.html', ...Object.keys(bundle).filter((name) => name !== 'index.html').map((name) => `./${name}`)];
      const version = Object.keys(bundle).sort().join('|').length.toString(36) + '-' + Object.keys(bundle).length;
      const source = `// Generated at build time: caches the app shell for offline use.
const CACHE = 'hotspot-planner-${version}';
const FILES = ${JSON.stringify(files)};
// Module scripts are requested with an Origin header and the server answers \`Vary: Origin\`;
// the install step's requests carry none, so a match must ignore Vary or nothing is found offline.
const MATCH = { ignoreSearch: true, ignoreVary: true };
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key)))).then(() => self.clients.claim()));
});
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() => caches.match(request, MATCH).then((cached) => cached || caches.match('./index.html', MATCH))),
  );
});
`;
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), offlineServiceWorker()],
  base: './',
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 2500 },
});
