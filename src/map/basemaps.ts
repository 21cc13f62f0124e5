// Chooses and loads the basemap style: online first in auto mode, the offline archive as the fallback.

import type { StyleSpecification } from 'maplibre-gl';
import { BASEMAP_FONT_PATH, BASEMAP_PMTILES_PATH, OPENFREEMAP_STYLES } from '../config';
import type { Lang, MessageKey } from '../lib/i18n';
import type { BasemapId } from '../lib/url_state';
import type { BasemapTheme } from './basemap_style';
import { customStyle } from './custom_style';
import { offlineStyle } from './offline_style';
import { localizeOnlineStyle } from './online_style';
import { tiandituStyle } from './tianditu_style';

/** How long an online style may take before we give up and use the offline one (ms). */
export const STYLE_TIMEOUT_MS = 4000;

export interface ResolveOptions {
  lang: Lang;
  customUrl: string | null;
  /** Vite's import.meta.env (VITE_TIANDITU_KEY). */
  env: Record<string, unknown>;
  /** Day or night (default day). */
  theme?: BasemapTheme;
  /** The offline archive carries the OSM import's layers. */
  hasOsmLayers?: boolean;
  /** The offline archive to use instead of the shipped one (the OSM import's basemap), absolute URL. */
  offlineUrl?: string;
  /** The deployer's Lanzhou extract (Protomaps tiles), preferred as the offline basemap when present. */
  extract?: { url: string; attribution: string[] };
  /** Resolves relative data paths; document.baseURI in the browser. */
  baseUrl?: string;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}

export interface ResolvedBasemap {
  /** What is actually shown (differs from the request after a fallback). */
  id: BasemapId;
  style: StyleSpecification;
  theme: BasemapTheme;
  /** Message to show the user when the request could not be honoured. */
  notice?: MessageKey;
}

const abs = (path: string, base: string) => new URL(path, base).href;

/** The always-available offline style. */
export function offlineBasemap(
  o: Pick<ResolveOptions, 'lang' | 'hasOsmLayers' | 'baseUrl' | 'offlineUrl'>,
  theme: BasemapTheme = 'day',
): StyleSpecification {
  const base = o.baseUrl ?? document.baseURI;
  return offlineStyle({
    theme,
    lang: o.lang,
    pmtilesUrl: o.offlineUrl ?? abs(BASEMAP_PMTILES_PATH, base),
    fontUrl: abs(BASEMAP_FONT_PATH, base),
    hasOsmLayers: Boolean(o.hasOsmLayers),
  });
}

async function fetchStyle(url: string, o: ResolveOptions): Promise<StyleSpecification> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), o.timeoutMs ?? STYLE_TIMEOUT_MS);
  try {
    const res = await (o.fetchImpl ?? fetch)(url, { signal: controller.signal });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const style = (await res.json()) as StyleSpecification;
    if (style?.version !== 8 || !Array.isArray(style.layers) || typeof style.sources !== 'object') {
      throw new Error('not a maplibre style');
    }
    return style;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Resolve a basemap choice to a style. Never throws: any failure (offline, timeout, HTTP error, a missing
 * key, a bad custom URL) yields the offline style and a notice saying what happened.
 */
export async function resolveBasemap(id: BasemapId, o: ResolveOptions): Promise<ResolvedBasemap> {
  const base = o.baseUrl ?? (typeof document === 'undefined' ? 'http://localhost/' : document.baseURI);
  const fontUrl = abs(BASEMAP_FONT_PATH, base);
  const offline = async (notice?: MessageKey, theme: BasemapTheme = 'day'): Promise<ResolvedBasemap> => ({
    id: 'offline',
    // The extract's style (Protomaps layers, ~13 KiB gzip) loads only when a deployer made an extract.
    style: o.extract
      ? (await import('./extract_style')).extractStyle({
          theme,
          lang: o.lang,
          pmtilesUrl: o.extract.url,
          fontUrl,
          attribution: o.extract.attribution,
        })
      : offlineBasemap({ ...o, baseUrl: base }, theme),
    theme,
    ...(notice ? { notice } : {}),
  });
  switch (id) {
    case 'offline':
      return offline(undefined, o.theme ?? 'day');
    case 'auto':
    case 'osm':
    case 'osm_dark': {
      const theme: BasemapTheme = id === 'osm_dark' ? 'night' : (o.theme ?? 'day');
      try {
        const style = await fetchStyle(
          theme === 'night' ? OPENFREEMAP_STYLES.dark : OPENFREEMAP_STYLES.liberty,
          o,
        );
        return { id, style: localizeOnlineStyle(style, { lang: o.lang, fontUrl }), theme };
      } catch {
        return offline('basemap.fallback', theme);
      }
    }
    case 'tianditu': {
      const key = String(o.env.VITE_TIANDITU_KEY ?? '').trim();
      if (!key) return offline('basemap.tianditu.nokey', o.theme ?? 'day');
      const theme = o.theme ?? 'day';
      return { id, style: tiandituStyle(key, o.lang, { fontUrl, theme }), theme };
    }
    case 'custom': {
      try {
        const theme = o.theme ?? 'day';
        const resolved = customStyle(o.customUrl ?? '', { theme, lang: o.lang, fontUrl });
        const style = typeof resolved === 'string' ? await fetchStyle(resolved, o) : resolved;
        return { id, style, theme };
      } catch {
        return offline(o.customUrl ? 'basemap.fallback' : 'basemap.custom.bad', o.theme ?? 'day');
      }
    }
  }
}
