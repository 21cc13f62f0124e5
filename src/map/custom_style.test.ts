// Tests of user-supplied basemap URLs.

import type { StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { isPmtilesUrl, OFFLINE_SOURCE, pmtilesSourceUrl } from './basemap_style';
import { customStyle } from './custom_style';
import { FONT, valid } from './style_test_support';

describe('customStyle', () => {
  const o = { theme: 'day' as const, lang: 'zh' as const, fontUrl: FONT };
  it('passes a style JSON URL through', () => {
    expect(customStyle(' https://example.org/style.json ', o)).toBe('https://example.org/style.json');
  });
  it('turns a .pmtiles URL into our style over a pmtiles:// source', () => {
    for (const url of [
      'https://example.org/x.pmtiles',
      'https://example.org/x.PMTILES?v=2',
      'pmtiles://https://e.org/y',
    ]) {
      expect(isPmtilesUrl(url)).toBe(true);
      const s = customStyle(url, o) as StyleSpecification;
      valid(s);
      expect((s.sources[OFFLINE_SOURCE] as { url: string }).url).toBe(pmtilesSourceUrl(url.trim()));
    }
    expect(isPmtilesUrl('https://example.org/x.pmtiles.json')).toBe(false);
  });
  it('rejects empty input and other schemes', () => {
    expect(() => customStyle('', o)).toThrow(/empty/);
    expect(() => customStyle('javascript:alert(1)', o)).toThrow(/scheme/);
    expect(() => customStyle('file:///etc/x.pmtiles', o)).toThrow(/scheme/);
  });
});
