// Vite plugin: builds src/sw/service_worker.ts on its own into sw.js with the build's precache list and version.

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build, type Plugin, type ResolvedConfig } from 'vite';

export interface PrecacheOptions {
  /** The worker's source (a module whose imports are bundled into the one script). */
  entry: string;
  /** Output files never precached (matched against the path relative to the site root). */
  exclude: RegExp[];
}

/** Site-relative paths of every file under `dir`. */
function listFiles(dir: string, root = dir): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory()
      ? listFiles(path, root)
      : [relative(root, path).split('\\').join('/')];
  });
}

/**
 * The precache list and its version: every emitted file and public file not excluded, sorted; the
 * version hashes their names and bytes, so any change to the shell or the shipped data makes a new sw.js
 * (and so an update the page announces), and an unchanged build keeps its version.
 */
export function precacheManifest(
  files: Map<string, string | Uint8Array>,
  exclude: RegExp[],
): { version: string; files: string[] } {
  const names = [...files.keys()].filter((f) => !exclude.some((re) => re.test(f))).sort();
  const hash = createHash('sha256');
  for (const name of names) hash.update(name).update('\0').update(files.get(name)!).update('\0');
  return { version: hash.digest('hex').slice(0, 16), files: names };
}

/** Emits `sw.js` beside index.html in production builds (dev serves no worker). */
export function serviceWorkerPlugin(o: PrecacheOptions): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'lym-service-worker',
    apply: 'build',
    enforce: 'post',
    configResolved(c) {
      config = c;
    },
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        const files = new Map<string, string | Uint8Array>();
        for (const f of listFiles(config.publicDir)) files.set(f, readFileSync(join(config.publicDir, f)));
        for (const [name, item] of Object.entries(bundle))
          files.set(name, item.type === 'chunk' ? item.code : item.source);
        const manifest = precacheManifest(files, [/^sw\.js$/, /\.map$/, ...o.exclude]);
        const out = await build({
          configFile: false,
          root: config.root,
          logLevel: 'warn',
          define: { __LYM_PRECACHE__: JSON.stringify(manifest) },
          build: {
            write: false,
            minify: true,
            sourcemap: false,
            lib: { entry: o.entry, formats: ['iife'], name: 'lymServiceWorker', fileName: () => 'sw.js' },
          },
        });
        const output = (Array.isArray(out) ? out[0] : out) as { output: { type: string; code?: string }[] };
        const chunk = output.output.find((c) => c.type === 'chunk');
        if (!chunk?.code) throw new Error('service worker build produced no code');
        this.emitFile({ type: 'asset', fileName: 'sw.js', source: chunk.code });
      },
    },
  };
}
