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

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  base: './',
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 2500 },
});
