// Builds the app once (unless E2E_SKIP_BUILD=1) and serves it twice with Vite's preview server: as built
// (the embedded data only) and with the OSM import run on the invented fixtures (as a deployer's site would be).

import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { PreviewServer } from 'vite';
import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { buildE2eOsm } from '../scripts/lib/osm/e2e_fixture';

const servers: PreviewServer[] = [];

async function serve(outDir: string): Promise<string> {
  const server = await preview({
    preview: { port: 0, host: '127.0.0.1' },
    build: { outDir },
    logLevel: 'warn',
  });
  servers.push(server);
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('preview server has no local URL');
  return url;
}

export async function setup(project: TestProject): Promise<void> {
  // E2E_OUT_DIR lets two people run the suite at once without building over each other's dist/.
  const outDir = process.env.E2E_OUT_DIR ?? 'dist';
  if (process.env.E2E_SKIP_BUILD !== '1')
    await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const osmDir = `${outDir}-osm`;
  rmSync(osmDir, { recursive: true, force: true });
  cpSync(outDir, osmDir, { recursive: true });
  await buildE2eOsm(join(osmDir, 'data/osm'));
  project.provide('baseURL', await serve(outDir));
  project.provide('osmBaseURL', await serve(osmDir));
}

export async function teardown(): Promise<void> {
  await Promise.all(servers.map((s) => s.close()));
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    /** The same build with the OSM import's output (invented fixtures) in data/osm/. */
    osmBaseURL: string;
  }
}
