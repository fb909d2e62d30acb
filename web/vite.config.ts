import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

// The app is served by the API server under a strict CSP: no inline script or style, so no
// module-preload polyfill (Vite would inline it) and every asset a file under dist/web.
export default defineConfig({
  root: here,
  base: '/',
  publicDir: `${here}public`,
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:4300' } },
});
