import { defineConfig } from 'vitest/config';
import '../scripts/node20_polyfills.ts';

// End-to-end tests: one Chromium at a time (2-core machines), against a production build served by Vite.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global_setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // The default 1 s poll is too short for a software-rendered map on a busy 2-core machine.
    expect: { poll: { timeout: 15_000 } },
  },
});
