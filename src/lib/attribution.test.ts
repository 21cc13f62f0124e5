import { describe, expect, it } from 'vitest';
import { CATALOG } from '../catalog';
import { familyLabel, familyOf, isOsmSource, sourceText } from './attribution';

describe('sourceText', () => {
  it('credits OpenStreetMap with its data date in both languages', () => {
    const osm = {
      title: 'OpenStreetMap contributors',
      date: '2026-11-30',
      url: 'https://www.openstreetmap.org/way/1',
    };
    expect(isOsmSource(osm)).toBe(true);
    expect(sourceText(osm, 'en')).toBe('© OpenStreetMap contributors, data as of 2026-11-30');
    expect(sourceText(osm, 'zh')).toBe('© OpenStreetMap contributors，数据截至 2026-11-30');
    expect(sourceText({ title: 'OpenStreetMap contributors' }, 'en')).toBe('© OpenStreetMap contributors');
  });

  it('keeps what follows the credit (the licence or the channel the export came through)', () => {
    const metro = {
      title: 'OpenStreetMap contributors (ODbL), via norman-mei/metro-tools',
      date: '2026-01-24',
    };
    expect(sourceText(metro, 'en')).toBe(
      '© OpenStreetMap contributors (ODbL), via norman-mei/metro-tools, data as of 2026-01-24',
    );
  });

  it('gives other sources their title and date', () => {
    expect(isOsmSource({ title: 'Wikipedia: Dongfanghong Square' })).toBe(false);
    expect(sourceText({ title: 'Wikipedia: X', date: '2024' }, 'zh')).toBe('Wikipedia: X (2024)');
    expect(sourceText({ title: '兰州日报' }, 'en')).toBe('兰州日报');
  });
});

describe('families', () => {
  it('labels every layer with its kind in both languages', () => {
    for (const e of CATALOG) {
      expect(familyOf(e.id)).toBe(e.family);
      expect(familyLabel(e.family, 'zh')).not.toBe(familyLabel(e.family, 'en'));
    }
    expect(familyOf('park')).toBe('everyday');
    expect(familyOf('youth_park')).toBe('designation');
    expect(familyLabel('designation', 'en')).toBe('Plan designation');
  });
});
