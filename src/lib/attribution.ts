// How a feature's source is credited in every view and export: OSM's licence line with its data date, or the cited source.

import { type LayerFamily, layerOf } from '../catalog';
import { type CategoryId, OSM_CONTRIBUTORS, type SourceRef } from './feature';
import { type Lang, translate } from './i18n';

/** Whether the source is OpenStreetMap (shipped, imported or live). */
export function isOsmSource(source: SourceRef): boolean {
  return source.title.startsWith(OSM_CONTRIBUTORS);
}

/**
 * The credit line of a source: OpenStreetMap data reads "© OpenStreetMap contributors, data as of
 * <date>" (the ODbL credit, kept in English in both languages, with the data's date); anything else is
 * its title with its date in brackets.
 */
export function sourceText(source: SourceRef, lang: Lang): string {
  if (isOsmSource(source)) {
    const rest = source.title.slice(OSM_CONTRIBUTORS.length).trim();
    const credit = `© ${OSM_CONTRIBUTORS}${rest ? ` ${rest}` : ''}`;
    return source.date ? translate(lang, 'source.osm_dated', { credit, date: source.date }) : credit;
  }
  return source.date ? `${source.title} (${source.date})` : source.title;
}

/** The family of a category's layer: everyday facility, plan designation or reference. */
export function familyOf(category: CategoryId): LayerFamily {
  return layerOf(category).family;
}

/** "日常设施" / "Everyday facility", "规划认定" / "Plan designation", "参考" / "Reference". */
export function familyLabel(family: LayerFamily, lang: Lang): string {
  return translate(lang, `family.${family}`);
}
