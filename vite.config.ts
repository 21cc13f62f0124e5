import { defineConfig } from 'vite';

// Relative base so the built app works from any folder or sub-path of a static host.
export default defineConfig({
  base: './',
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  preview: { port: 4173 },
});
