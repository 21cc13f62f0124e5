import { defineConfig } from 'vite';

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
  preview: { port: 4173 },
});
