// Regular expressions that read untrusted text must not backtrack super-linearly (a 1 MB field once took
// minutes): every regex literal in the app is analysed with scslre (eslint-plugin-regexp's analyser).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'acorn';
import { simple } from 'acorn-walk';
import { transformSync } from 'esbuild';
import { analyse } from 'scslre';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

interface Found {
  file: string;
  regex: RegExp;
}

/** Every regex literal and `new RegExp("literal")` of a TypeScript file. */
function regexesOf(file: string): Found[] {
  const { code } = transformSync(readFileSync(file, 'utf8'), {
    loader: 'ts',
    format: 'esm',
    target: 'es2022',
  });
  const ast = Parser.parse(code, { ecmaVersion: 'latest', sourceType: 'module' });
  const out: Found[] = [];
  simple(ast, {
    Literal(node) {
      const n = node as typeof node & { regex?: { pattern: string; flags: string } };
      if (n.regex)
        out.push({
          file,
          regex: new RegExp(n.regex.pattern, n.regex.flags),
        });
    },
    NewExpression(node) {
      const [arg, flags] = node.arguments;
      if (node.callee.type === 'Identifier' && node.callee.name === 'RegExp' && arg?.type === 'Literal') {
        const f = flags?.type === 'Literal' ? String(flags.value) : '';
        out.push({ file, regex: new RegExp(String(arg.value), f) });
      }
    },
  });
  return out;
}

/**
 * Known exceptions, each with why it is bounded. The OSM parsers are left to the engineer changing the
 * OSM code (the fix: trim first, then `/^(-?\d+(?:\.\d+)?)\s*(m)?$/`).
 */
const ALLOWED: Record<string, string> = {
  'src/lib/tour/gpx.ts /\\.?0+$/': 'runs on toFixed(7) output: at most ~20 characters of our own',
  'src/map/online_style.ts /\\{([^}]+)\\}/g': 'runs on the style templates the app ships, not on data',
  'src/lib/walk/osm_extract.ts /^\\s*(-?\\d+(?:\\.\\d+)?)\\s*(m)?\\s*$/':
    'OSM tag values are at most 255 characters (OSM API limit)',
  'src/lib/walk/walkable.ts /^\\s*([+-]?\\d+(?:\\.\\d+)?)\\s*(%|°)?\\s*$/':
    'OSM tag values are at most 255 characters (OSM API limit)',
  'src/lib/basemap_extract.ts /<[^>]*>/g': 'attribution capped at MAX_ATTRIBUTION_CHARS (2,000) before it',
  'src/lib/basemap_extract.ts /©?\\s*OpenStreetMap( contributors)?/gi':
    'runs on plainAttribution output, capped at 2,000 characters',
  'src/lib/basemap_extract.ts /^[\\s·|,]+|[\\s·|,]+$/g':
    'runs on plainAttribution output, capped at 2,000 characters',
};

const superLinear = (regex: RegExp) =>
  analyse(regex).reports.map((r) => `${r.type}${r.exponential ? ' (exponential)' : ''}`);

describe('regex safety', () => {
  it('no regex in the app backtracks super-linearly', () => {
    const files = sources(new URL('.', import.meta.url).pathname);
    const found = files.flatMap(regexesOf);
    expect(found.length).toBeGreaterThan(50);
    const flagged = found
      .map((f) => ({
        ...f,
        id: `${f.file.replace(/^.*\/src\//, 'src/')} ${f.regex}`,
        reports: superLinear(f.regex),
      }))
      .filter((f) => f.reports.length > 0);
    expect(flagged.filter((f) => !(f.id in ALLOWED)).map((f) => `${f.id} — ${f.reports.join(', ')}`)).toEqual(
      [],
    );
    // An exception whose regex is gone (or fixed) must leave the list too.
    expect(Object.keys(ALLOWED).filter((id) => !flagged.some((f) => f.id === id))).toEqual([]);
  });

  it('catches what it is meant to: the date regex that took minutes, and nested quantifiers', () => {
    expect(
      superLinear(/^(\d{4})(?:\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2})\s*日?)?\s*月?)?$/),
    ).not.toEqual([]);
    expect(superLinear(/^(a+)+$/)).not.toEqual([]);
    expect(superLinear(/^\d+\.?\d*$/)).not.toEqual([]);
    expect(superLinear(/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/)).toEqual([]);
  });
});
