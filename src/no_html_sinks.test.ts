// Feature properties are untrusted: no module of the app may write HTML strings into the page.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SINKS =
  /\.(innerHTML|outerHTML|insertAdjacentHTML|setHTML)\b|document\.write\s*\(|createContextualFragment|\bsrcdoc\b|new\s+DOMParser\b/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

describe('HTML sinks', () => {
  it('none in the app: every piece of text reaches the page through text nodes and attributes', () => {
    const files = sources(new URL('.', import.meta.url).pathname);
    expect(files.length).toBeGreaterThan(50);
    const hits = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({ f, i: i + 1, line }))
        .filter(({ line }) => SINKS.test(line) && !/^\s*(\/\/|\*)/.test(line)),
    );
    expect(hits.map(({ f, i, line }) => `${f}:${i}: ${line.trim()}`)).toEqual([]);
  });

  it('the pattern catches what it is meant to', () => {
    for (const bad of [
      'el.innerHTML = x',
      'x.insertAdjacentHTML("beforeend", s)',
      'popup.setHTML(s)',
      'document.write(s)',
    ]) {
      expect(SINKS.test(bad), bad).toBe(true);
    }
    expect(SINKS.test('el.textContent = x')).toBe(false);
  });
});
