// Finds the deployer's Lanzhou extract (data/basemap-lanzhou.json) at start; absent is the normal case.

import {
  BASEMAP_EXTRACT_MANIFEST_PATH,
  type BasemapExtractManifest,
  parseBasemapExtractManifest,
} from '../lib/basemap_extract';

export interface BasemapExtract {
  /** Absolute URL of the archive. */
  url: string;
  attribution: string[];
  manifest: BasemapExtractManifest;
}

/**
 * Reads the extract's manifest beside the app. Never throws: a missing manifest (404, or the SPA
 * fallback's HTML) gives null; a malformed one gives null and `onError` with the reason.
 */
export async function loadBasemapExtract(onError: (detail: string) => void): Promise<BasemapExtract | null> {
  const manifestUrl = new URL(BASEMAP_EXTRACT_MANIFEST_PATH, document.baseURI).href;
  try {
    const res = await fetch(manifestUrl);
    if (!res.ok || !/json/i.test(res.headers.get('content-type') ?? '')) return null;
    const parsed = parseBasemapExtractManifest(await res.json());
    if ('error' in parsed) throw new Error(parsed.error);
    const m = parsed.manifest;
    return { url: new URL(m.file, manifestUrl).href, attribution: m.attribution, manifest: m };
  } catch (e) {
    onError((e as Error).message);
    return null;
  }
}
