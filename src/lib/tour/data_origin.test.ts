import { describe, expect, it } from 'vitest';
import { creditWithOrigin, dayOf, type OsmOrigin, originHow, originText } from './data_origin';

const live = (fromCache: number, saved: string | null = null): OsmOrigin => ({
  kind: 'live',
  date: '2026-11-30',
  day: '2026-12-03',
  tiles: 5,
  fromCache,
  saved,
});

describe('where OpenStreetMap data came from, in words', () => {
  it('the deployer’s import, with the extract’s date or saying it is unknown', () => {
    expect(originText({ kind: 'import', date: '2013-08-03' }, 'en')).toBe(
      "OpenStreetMap data imported by this site's deployer (data as of 2013-08-03)",
    );
    expect(originText({ kind: 'import', date: '2013-08-03' }, 'zh')).toBe(
      '本站部署者导入的 OpenStreetMap 数据（数据截至 2013-08-03）',
    );
    expect(originText({ kind: 'import', date: null }, 'en')).toBe(
      "OpenStreetMap data imported by this site's deployer (data date unknown)",
    );
    expect(originText({ kind: 'import', date: null }, 'zh')).toContain('数据日期不详');
  });

  it('a live download: from Overpass on its day, from this device’s cache, or partly from it', () => {
    expect(originText(live(0), 'en')).toBe(
      'OpenStreetMap data downloaded live from Overpass on 2026-12-03 (data as of 2026-11-30)',
    );
    expect(originText(live(0), 'zh')).toBe(
      '2026-12-03 从 Overpass 在线下载的 OpenStreetMap 数据（数据截至 2026-11-30）',
    );
    expect(originText(live(5, '2026-11-28'), 'en')).toBe(
      "OpenStreetMap data downloaded 2026-11-28 and kept in this device's cache (data as of 2026-11-30)",
    );
    expect(originText(live(5, '2026-11-28'), 'zh')).toBe(
      '2026-11-28 下载、保存在本设备缓存中的 OpenStreetMap 数据（数据截至 2026-11-30）',
    );
    expect(originHow(live(2, '2026-11-28'), 'en')).toBe(
      "downloaded live from Overpass on 2026-12-03 (2 of 5 tiles from this device's cache, downloaded 2026-11-28)",
    );
    expect(originHow(live(2, '2026-11-28'), 'zh')).toBe(
      '2026-12-03 从 Overpass 在线下载（其中 2/5 个区块来自本设备缓存，2026-11-28 下载）',
    );
  });

  it('never says "downloaded" of the import, and always names Overpass or the cache for a download', () => {
    for (const lang of ['zh', 'en'] as const) {
      const imp = originText({ kind: 'import', date: '2013-08-03' }, lang);
      expect(imp).not.toMatch(/download|下载/i);
      expect(originText(live(0), lang)).toContain('Overpass');
      expect(originText(live(5, '2026-11-28'), lang)).toMatch(/cache|缓存/);
    }
  });

  it('a place’s credit says where the app got it; without an origin it stays as it is', () => {
    const credit = '© OpenStreetMap contributors, data as of 2013-08-03';
    expect(creditWithOrigin(credit, { kind: 'import', date: '2013-08-03' }, 'en')).toBe(
      "© OpenStreetMap contributors, data as of 2013-08-03 (imported by this site's deployer)",
    );
    expect(creditWithOrigin(credit, live(0), 'zh')).toBe(`${credit}（2026-12-03 从 Overpass 在线下载）`);
    expect(creditWithOrigin(credit, null, 'en')).toBe(credit);
  });

  it('download days are UTC calendar days', () => {
    expect(dayOf(Date.UTC(2026, 11, 3, 23, 59))).toBe('2026-12-03');
  });
});
