// Device cache of street networks built from Overpass: the shared tile cache (src/lib/overpass) for walk areas.

import {
  type CachedTile,
  DEFAULT_CACHE_MAX_AGE_MS,
  DEFAULT_CACHE_MAX_BYTES,
  memoryTileCache,
  openTileCache,
  type TileCache,
  type TileCacheOptions,
  type TileKind,
  tileCacheKey,
} from '../../overpass/tile_cache.ts';
import { WALK_GRAPH_VERSION } from '../graph_binary.ts';
import { type AreaTile, isAreaTile } from './tiles.ts';

export { DEFAULT_CACHE_MAX_AGE_MS, DEFAULT_CACHE_MAX_BYTES };

/**
 * Bumped when what is stored changes meaning (builder rules, query filter); older entries are then
 * ignored, because a graph built by old rules would silently give old answers.
 */
export const AREA_CACHE_SCHEMA = 1;

/** Description of one cached network (kept apart from its bytes so listing is cheap). */
export type CachedArea = CachedTile<AreaTile>;
/** The cache the online client uses. Every method resolves; storage failures degrade to "not cached". */
export type AreaCache = TileCache<AreaTile>;
/** Options of openAreaCache / memoryAreaCache (database name default 'lym-walk-online'). */
export type AreaCacheOptions = TileCacheOptions;

const VERSION = `s${AREA_CACHE_SCHEMA}g${WALK_GRAPH_VERSION}`;

const AREA_KIND: TileKind<AreaTile> = {
  dbName: 'lym-walk-online',
  version: VERSION,
  isTile: isAreaTile,
  copy: (t) => ({ lon: t.lon, lat: t.lat, radiusM: t.radiusM, key: t.key }),
};

/** The storage key of an endpoint's tile. */
export function areaCacheKey(endpoint: string, tileKey: string): string {
  return tileCacheKey(endpoint, tileKey, VERSION);
}

/** A cache kept in memory only (lives as long as the page). */
export function memoryAreaCache(options: AreaCacheOptions = {}): AreaCache {
  return memoryTileCache(AREA_KIND, options);
}

/**
 * Opens the device cache: IndexedDB when it exists and opens, else the in-memory cache (Firefox
 * private windows and some embedded browsers refuse IndexedDB). Never rejects.
 */
export function openAreaCache(options: AreaCacheOptions = {}): Promise<AreaCache> {
  return openTileCache(AREA_KIND, options);
}
