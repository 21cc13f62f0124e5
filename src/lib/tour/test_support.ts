// Test-only helpers: the fictional tour fixtures (src/lib/fixtures/tour/), loaded through the real validators,
// and running a check under several process time zones.

import { readFileSync } from 'node:fs';
import type { MapFeature } from '../feature';
import { validateGeoJson } from '../validate';
import { featuresById, type TourRoute, validateTourRoutes } from './routes';

const dir = new URL('../fixtures/tour/', import.meta.url);

/** The fictional features, validated like shipped data (throws if the fixture breaks the model). */
export function fixtureFeatures(): MapFeature[] {
  const raw = JSON.parse(readFileSync(new URL('fictional_features.geojson', dir), 'utf8'));
  const { features, issues } = validateGeoJson(raw, { file: 'fictional_features.geojson' });
  if (issues.length) throw new Error(`fixture features invalid: ${JSON.stringify(issues)}`);
  return features;
}

/** The fictional routes, validated against the fictional features. */
export function fixtureRoutes(): TourRoute[] {
  const raw = JSON.parse(readFileSync(new URL('fictional_routes.json', dir), 'utf8'));
  const { routes, issues } = validateTourRoutes(raw, {
    file: 'fictional_routes.json',
    features: featuresById(fixtureFeatures()),
  });
  if (issues.length) throw new Error(`fixture routes invalid: ${JSON.stringify(issues)}`);
  return routes;
}

/**
 * Process time zones the time-sensitive tests run under: Lanzhou's own, UTC, a DST zone west of UTC,
 * and the two extremes (UTC+14, UTC−11), so that no result can depend on the machine's zone.
 */
export const TEST_ZONES = [
  'Asia/Shanghai',
  'UTC',
  'America/New_York',
  'Europe/Berlin',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
];

/** Runs `fn` with process.env.TZ set to each zone in turn (Node re-reads TZ on assignment), then restores it. */
export function inEachZone<T>(fn: (zone: string) => T, zones: readonly string[] = TEST_ZONES): T[] {
  const saved = process.env.TZ;
  try {
    return zones.map((zone) => {
      process.env.TZ = zone;
      return fn(zone);
    });
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}
