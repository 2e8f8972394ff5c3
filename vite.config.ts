import { createReadStream } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { constants, gzip } from 'node:zlib';
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

/** The built files worth compressing, by extension, with the type each is served as. */
const COMPRESSIBLE_TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.html': 'text/html',
  '.csv': 'text/csv',
  '.geojson': 'application/geo+json',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

/**
 * Writes a gzip copy beside each compressible built file (`name.gz`), for servers that send such
 * copies as they are (nginx `gzip_static`), and has `vite preview` do the same. Otherwise the
 * server compresses the 9 MB sample and the scripts again for every visit, and on one machine
 * that work competes with the page's first map.
 */
function precompressedFiles(): Plugin {
  let outDir = '';
  const compress = promisify(gzip);
  return {
    name: 'precompressed-files',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async writeBundle(_options, bundle) {
      const names = Object.keys(bundle).filter((name) => extname(name) in COMPRESSIBLE_TYPES);
      await Promise.all(names.map(async (name) => writeFile(join(outDir, `${name}.gz`), await compress(await readFile(join(outDir, name)), { level: constants.Z_BEST_COMPRESSION }))));
    },
    configurePreviewServer(server) {
      const root = resolve(server.config.root, server.config.build.outDir);
      server.middlewares.use((request, response, next) => {
        const pathname = new URL(request.url ?? '/', 'http://preview').pathname;
        const type = COMPRESSIBLE_TYPES[extname(pathname)];
        const copy = `${join(root, pathname)}.gz`;
        const wanted = (request.method === 'GET' || request.method === 'HEAD') && /\bgzip\b/.test(String(request.headers['accept-encoding']));
        if (!type || !wanted || !copy.startsWith(root + sep)) return next();
        stat(copy).then(
          (file) => {
            response.setHeader('Vary', [response.getHeader('Vary'), 'Accept-Encoding'].filter(Boolean).join(', '));
            response.writeHead(200, { 'Content-Type': type, 'Content-Encoding': 'gzip', 'Content-Length': file.size, 'Cache-Control': 'no-cache' });
            if (request.method === 'HEAD') response.end();
            else createReadStream(copy).pipe(response);
          },
          () => next(),
        );
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), offlineServiceWorker(), precompressedFiles()],
  base: './',
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 2500 },
});
