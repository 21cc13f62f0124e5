// Tests of the 天地图 style: tile URLs, annotation by language, night, credit.

import type { StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { ATTRIBUTION } from '../config';
import { attributionOf, colours, FONT, valid } from './style_test_support';
import { tiandituStyle } from './tianditu_style';

describe('tiandituStyle', () => {
  it('stacks vec_w under cva_w (zh) or eva_w (en) with the key on every tile URL', () => {
    const zh = tiandituStyle('abc123', 'zh');
    const en = tiandituStyle('abc123', 'en', { theme: 'night', fontUrl: FONT });
    valid(zh);
    valid(en);
    const tiles = (s: StyleSpecification, id: string) => (s.sources[id] as { tiles: string[] }).tiles;
    expect(tiles(zh, 'tianditu-vec')).toHaveLength(8);
    expect(tiles(zh, 'tianditu-vec')[3]).toBe(
      'https://t3.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default' +
        '&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=abc123',
    );
    expect(tiles(zh, 'tianditu-label')[0]).toContain('/cva_w/wmts?');
    expect(tiles(zh, 'tianditu-label')[0]).toContain('LAYER=cva');
    expect(tiles(en, 'tianditu-label')[0]).toContain('/eva_w/wmts?');
    expect(tiles(en, 'tianditu-label')[0]).toContain('LAYER=eva');
    expect(attributionOf(zh)).toEqual([ATTRIBUTION.tianditu]);
    expect((zh.sources['tianditu-vec'] as { attribution: string }).attribution).toBe(ATTRIBUTION.tianditu);
    expect(colours(en)).not.toEqual(colours(tiandituStyle('abc123', 'en')));
    expect(en['font-faces']).toBeDefined();
  });

  it('requires a key', () => {
    expect(() => tiandituStyle('  ', 'zh')).toThrow(/VITE_TIANDITU_KEY/);
  });
});
