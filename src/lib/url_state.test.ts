import { describe, expect, it } from 'vitest';
import { defaultCoverageState } from './coverage/scenario_state';
import { defaultState, parseHash, toHash, type ViewState } from './url_state';

describe('url state', () => {
  it('round-trips every field', () => {
    const s: ViewState = {
      center: [103.82345, 36.06123],
      zoom: 14.25,
      lang: 'en',
      layers: ['checkin_spot', 'youth_park'],
      statuses: ['planned'],
      basemap: 'custom',
      customUrl: 'https://tiles.example.org/style.json?x=1&y=2',
      selected: 'checkin-zhongshan-bridge',
      planTarget: 'zhongshan-bridge-checkin',
      panel: 'plan',
      origin: [103.831234, 36.051234],
      nearbyCats: ['fitness_site', 'youth_park'],
      theme: 'night',
      tourRoute: 'yellow-river.1',
      tourStops: [
        { feature_id: 'fitness-lanzhou-olympic-center-stadium', dwell_min: 20 },
        { feature_id: 'park-dongfanghong-square', dwell_min: 0 },
      ],
      tourStart: '2024-06-21T19:30',
      tourSuggest: { lengthMin: 60, from: 'osm-node-1' },
      ...defaultCoverageState(),
      covSites: [{ category: 'fitness_site', lon: 103.81, lat: 36.05 }],
    };
    const hash = toHash(s);
    expect(hash).toContain('map=14.25/36.06123/103.82345');
    expect(hash).toContain('stop=fitness-lanzhou-olympic-center-stadium~20&stop=park-dongfanghong-square~0');
    expect(parseHash(hash, defaultState())).toEqual(s);
  });

  it('keeps an explicitly empty layer list and a closed panel', () => {
    const s = { ...defaultState(), layers: [], panel: null };
    const back = parseHash(toHash(s), defaultState());
    expect(back.layers).toEqual([]);
    expect(back.panel).toBeNull();
    expect(parseHash('#p=nonsense', defaultState()).panel).toBeNull();
    expect(parseHash('#lang=en', defaultState()).panel).toBe('layers');
  });

  it('ignores malformed or hostile values', () => {
    const base = defaultState();
    const s = parseHash(
      '#map=abc/1/2&lang=fr&layers=checkin_spot,<script>&bm=evil&st=existing,gone&bm=custom&style=javascript:alert(1)',
      base,
    );
    expect(s.center).toEqual(base.center);
    expect(s.zoom).toBe(base.zoom);
    expect(s.lang).toBe('zh');
    expect(s.layers).toEqual(['checkin_spot']);
    expect(s.statuses).toEqual(['existing']);
    expect(s.basemap).toBe(base.basemap);
    expect(s.customUrl).toBeNull();
    expect(parseHash('#th=dusk', base).theme).toBe('auto');
  });

  it('drops an origin outside the region or malformed', () => {
    expect(parseHash('#at=116.4,39.9', defaultState()).origin).toBeNull();
    expect(parseHash('#at=103.8', defaultState()).origin).toBeNull();
    expect(parseHash('#at=103.8,36.05&cats=fitness_site,district,bogus', defaultState())).toMatchObject({
      origin: [103.8, 36.05],
      nearbyCats: ['fitness_site'],
    });
  });

  it('clamps the view to the Lanzhou region', () => {
    const s = parseHash('#map=30/80/-170', defaultState());
    expect(s.zoom).toBe(22);
    expect(s.center[0]).toBeGreaterThan(100);
    expect(s.center[1]).toBeLessThan(38);
  });
});
