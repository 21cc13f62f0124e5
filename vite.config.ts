import { defineConfig } from 'vite';
import { serviceWorkerPlugin } from './scripts/lib/sw_plugin.ts';

// Relative base so the built app works from any folder or sub-path of a static host.
export default defineConfig({
  base: './',
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  // ES-module workers (all are created with type: 'module'): their dynamic imports (geotiff) stay separate
  // chunks fetched on use, instead of being inlined into the worker file as the default 'iife' does.
  worker: { format: 'es' },
  // sw.js: the app shell and shipped data for offline use. The Lanzhou extract (hundreds of MB) is not
  // precached; "keep Lanzhou offline" downloads it on request.
  plugins: [
    serviceWorkerPlugin({
      entry: 'src/sw/service_worker.ts',
      exclude: [/^data\/basemap-lanzhou\./, /\.partial\//],
    }),
  ],
  preview: { port: 4173 },
});
