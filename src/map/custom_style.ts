// Pure: a user-supplied basemap URL → a style URL to fetch, or our offline style over their PMTiles archive.

import type { StyleSpecification } from 'maplibre-gl';
import type { Lang } from '../lib/i18n';
import { type BasemapTheme, isPmtilesUrl } from './basemap_style';
import { offlineStyle } from './offline_style';

/**
 * A user-supplied basemap: a style JSON URL is returned as is (maplibre fetches it); a .pmtiles URL gets
 * our offline style pointed at it, assuming it follows our archive's schema (layers missing from it
 * simply draw nothing).
 *
 * @throws for schemes other than http(s)/pmtiles and for empty input
 */
export function customStyle(
  url: string,
  o: { theme: BasemapTheme; lang: Lang; fontUrl?: string },
): string | StyleSpecification {
  const u = url.trim();
  if (!u) throw new Error('empty basemap URL');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(u)?.[1]?.toLowerCase();
  if (scheme && !['http', 'https', 'pmtiles'].includes(scheme))
    throw new Error(`unsupported URL scheme: ${scheme}`);
  if (!isPmtilesUrl(u)) return u;
  const style = offlineStyle({ ...o, pmtilesUrl: u, hasOsmLayers: true });
  style.name = 'Custom PMTiles';
  style.metadata = { ...(style.metadata as Record<string, unknown>), 'lym:basemap': 'custom' };
  return style;
}
