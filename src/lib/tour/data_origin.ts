// Where the OpenStreetMap data of a walk came from (the deployer's import, a live Overpass download, this
// device's cache), with its dates, in words for the tour's notes, the suggested walk's sources and the GPX.

import { type Lang, translate } from '../i18n';

/**
 * One set of OpenStreetMap data in the app. `date` is the data's own date (the extract's, or Overpass's
 * `osm_base`), YYYY-MM-DD or null when unknown.
 */
export type OsmOrigin =
  | { kind: 'import'; date: string | null }
  | {
      kind: 'live';
      date: string | null;
      /** The day the download ran, YYYY-MM-DD (UTC). */
      day: string;
      /** Tiles loaded, and how many of them came from this device's cache instead of Overpass. */
      tiles: number;
      fromCache: number;
      /** The day the oldest cached tile was downloaded, YYYY-MM-DD, or null when none came from the cache. */
      saved: string | null;
    };

/** "YYYY-MM-DD" (UTC) of an instant in ms, as the live panel writes download days. */
export const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * How the data came, without its data date (a credit line already carries that): "imported by this site",
 * "downloaded live from Overpass on …", "downloaded …, from this device's cache", or live with some tiles
 * from the cache.
 */
export function originHow(o: OsmOrigin, lang: Lang): string {
  if (o.kind === 'import') return translate(lang, 'tour.origin.import');
  const saved = o.saved ?? '—';
  if (o.fromCache <= 0) return translate(lang, 'tour.origin.live', { day: o.day });
  if (o.fromCache >= o.tiles) return translate(lang, 'tour.origin.cache', { saved });
  return translate(lang, 'tour.origin.mixed', { day: o.day, cached: o.fromCache, tiles: o.tiles, saved });
}

/** The data named with how it came and its date: "OpenStreetMap data imported by this site (data as of 2013-08-03)". */
export function originText(o: OsmOrigin, lang: Lang): string {
  const dated = o.date
    ? translate(lang, 'tour.origin.as_of', { date: o.date })
    : translate(lang, 'tour.origin.undated');
  return translate(lang, 'tour.origin.data', { how: originHow(o, lang), dated });
}

/** A place's source credit with where the app got it: "© OpenStreetMap contributors, data as of … (imported by this site)". */
export function creditWithOrigin(credit: string, o: OsmOrigin | null, lang: Lang): string {
  return o ? translate(lang, 'tour.origin.credit', { credit, how: originHow(o, lang) }) : credit;
}
