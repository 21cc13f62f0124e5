// The data pipeline: data/ (human-edited) → validated WGS-84 GeoJSON + plan targets + manifest for the app.

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import OpeningHours from 'opening_hours';
import { parseFacilityCsv } from '../../src/lib/csv_features';
import { createDistrictLookup } from '../../src/lib/districts';
import type { CategoryId, MapFeature, MapFeatureCollection } from '../../src/lib/feature';
import { parsePlanTargets, unknownTargetRefs } from '../../src/lib/plan_targets';
import { featuresById, validateTourRoutes } from '../../src/lib/tour/routes';
import { formatIssue, type Issue, validateGeoJson } from '../../src/lib/validate';

export interface BuildResult {
  districts: MapFeatureCollection;
  features: MapFeatureCollection;
  planTargets: unknown;
  /** Validated night-tour routes (data/night_routes.json). */
  routes: unknown;
  /** Human-readable problems (English then Chinese); the build fails when any is an error. */
  errors: string[];
  warnings: string[];
  counts: Partial<Record<CategoryId, number>>;
  /** Ids of the features each data file gave, by file name (the editor edits `places.csv` only). */
  files: Record<string, string[]>;
}

/** True when `value` parses as OSM opening_hours. */
export function isValidOpeningHours(value: string): boolean {
  try {
    new OpeningHours(value);
    return true;
  } catch {
    return false;
  }
}

const describe = (issue: Issue) => `${formatIssue(issue, 'en')}\n    ${formatIssue(issue, 'zh')}`;

/**
 * Read and validate everything under `dataDir`. Never throws for bad data: every problem is returned with
 * its file, row and cause so the CLI can print them all at once.
 */
export function buildData(dataDir: string): BuildResult {
  const errors: string[] = [];
  const warnings: string[] = [];
  const collect = (issues: Issue[]) => {
    for (const i of issues) (i.severity === 'error' ? errors : warnings).push(describe(i));
  };
  const read = (rel: string) => readFileSync(join(dataDir, rel), 'utf8');

  const boundaryFile = 'boundaries/lanzhou_districts.geojson';
  const boundaries = validateGeoJson(JSON.parse(read(boundaryFile)), { file: boundaryFile });
  collect(boundaries.issues);
  if (boundaries.features.some((f) => f.properties.category !== 'district')) {
    errors.push(`${boundaryFile}: every feature must have category "district"`);
  }
  const districts = createDistrictLookup({ type: 'FeatureCollection', features: boundaries.features });

  const seenIds = new Map<string, string>();
  for (const f of boundaries.features) seenIds.set(f.properties.id, boundaryFile);
  const opts = (file: string) => ({ file, districts, seenIds, checkOpeningHours: isValidOpeningHours });
  const features: MapFeature[] = [];
  const files: Record<string, string[]> = {};

  for (const name of readdirSync(dataDir)
    .filter((n) => n.endsWith('.csv'))
    .sort()) {
    const r = parseFacilityCsv(read(name), opts(name));
    collect(r.issues);
    features.push(...r.features);
    files[name] = r.features.map((f) => f.properties.id);
  }
  const featureDir = join(dataDir, 'features');
  if (existsSync(featureDir)) {
    for (const name of readdirSync(featureDir)
      .filter((n) => n.endsWith('.geojson'))
      .sort()) {
      const rel = `features/${name}`;
      let value: unknown;
      try {
        value = JSON.parse(read(rel));
      } catch (e) {
        errors.push(`${rel}: not valid JSON (${(e as Error).message})`);
        continue;
      }
      const r = validateGeoJson(value, opts(rel));
      collect(r.issues);
      features.push(...r.features);
    }
  }
  const routeFile = 'night_routes.json';
  const routes = validateTourRoutes(JSON.parse(read(routeFile)), {
    file: routeFile,
    features: featuresById(features),
  });
  collect(routes.issues);
  const targets = parsePlanTargets(JSON.parse(read('plan_targets.json')));
  errors.push(...targets.problems, ...unknownTargetRefs(targets.targets, features));

  const counts: Partial<Record<CategoryId, number>> = {};
  for (const f of features) counts[f.properties.category] = (counts[f.properties.category] ?? 0) + 1;
  return {
    districts: { type: 'FeatureCollection', features: boundaries.features },
    features: { type: 'FeatureCollection', features },
    planTargets: { targets: targets.targets },
    routes: { routes: routes.routes },
    errors,
    warnings,
    counts,
    files,
  };
}

/** Write the app's data files into `outDir` (public/data). */
export function writeBuild(result: BuildResult, outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'districts.geojson'), JSON.stringify(result.districts));
  // `files` is a foreign member (RFC 7946 §6.1): which ids came from which CSV, so the editor offers only
  // `places.csv` rows for editing and its export never repeats another file's places.
  writeFileSync(
    join(outDir, 'features.geojson'),
    JSON.stringify({ ...result.features, files: result.files }),
  );
  writeFileSync(join(outDir, 'plan_targets.json'), JSON.stringify(result.planTargets));
  writeFileSync(join(outDir, 'night_routes.json'), JSON.stringify(result.routes));
  writeFileSync(
    join(outDir, 'manifest.json'),
    JSON.stringify({ version: 1, counts: result.counts, features: result.features.features.length }, null, 2),
  );
}
