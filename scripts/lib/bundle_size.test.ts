import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { measureInitialBundle } from './bundle_size';

describe('measureInitialBundle', () => {
  it('counts entry scripts, modulepreloads and stylesheets, not lazy chunks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dist-'));
    mkdirSync(join(dir, 'assets'));
    const entry = 'console.log("entry");'.repeat(200);
    const pre = 'export const x = 1;'.repeat(100);
    const css = 'body{margin:0}'.repeat(50);
    writeFileSync(join(dir, 'assets/index.js'), entry);
    writeFileSync(join(dir, 'assets/pre.js'), pre);
    writeFileSync(join(dir, 'assets/lazy.js'), 'x'.repeat(100_000));
    writeFileSync(join(dir, 'assets/index.css'), css);
    writeFileSync(
      join(dir, 'index.html'),
      '<script type="module" crossorigin src="./assets/index.js"></script><link rel="modulepreload" crossorigin href="./assets/pre.js"><link rel="stylesheet" crossorigin href="./assets/index.css">',
    );
    const r = measureInitialBundle(dir);
    const gz = (s: string) => gzipSync(s, { level: 9 }).length;
    expect(r.jsGzip).toBe(gz(entry) + gz(pre));
    expect(r.cssGzip).toBe(gz(css));
    expect(r.files.map((f) => f.file).sort()).toEqual([
      'assets/index.css',
      'assets/index.js',
      'assets/pre.js',
    ]);
  });
});
