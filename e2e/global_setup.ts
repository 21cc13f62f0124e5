// Builds the app once (unless E2E_SKIP_BUILD=1) and serves dist/ with Vite's preview server for the e2e run.

import type { PreviewServer } from 'vite';
import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';

let server: PreviewServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  // E2E_OUT_DIR lets two people run the suite at once without building over each other's dist/.
  const outDir = process.env.E2E_OUT_DIR ?? 'dist';
  if (process.env.E2E_SKIP_BUILD !== '1')
    await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  server = await preview({ preview: { port: 0, host: '127.0.0.1' }, build: { outDir }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('preview server has no local URL');
  project.provide('baseURL', url);
}

export async function teardown(): Promise<void> {
  await server?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}
