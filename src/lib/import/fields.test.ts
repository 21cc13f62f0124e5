import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../catalog';
import { LANZHOU_DISTRICTS } from '../feature';
import {
  fieldOf,
  hasCjk,
  mapColumns,
  normaliseKey,
  parseCategory,
  parseDistrict,
  parseStatus,
} from './fields';

describe('column and property names', () => {
  it('resolves the spellings people use, in Chinese and English, any case or width', () => {
    const cases: [string, string][] = [
      ['经度', 'lon'],
      ['LNG', 'lon'],
      ['Longitude', 'lon'],
      ['纬度', 'lat'],
      ['latitude', 'lat'],
      ['名称', 'name_zh'],
      ['name:zh', 'name_zh'],
      ['Name_ZH', 'name_zh'],
      ['ｎａｍｅ＿ｅｎ', 'name_en'],
      ['name', 'name'],
      ['精度（米）', 'accuracy_m'],
      ['坐标', 'lnglat'],
      ['来源', 'source_title'],
      ['区县', 'district'],
      ['地址', 'address_zh'],
    ];
    for (const [key, field] of cases) expect(fieldOf(key), key).toBe(field);
    expect(fieldOf('type')).toBeNull();
    expect(fieldOf('__proto__')).toBeNull();
    expect(normaliseKey(' Name-ZH ')).toBe('namezh');
  });

  it('prefers an exact field name over an alias, else the leftmost column', () => {
    const m = mapColumns(['名称', 'lon', 'name_zh', '经度', 'lat']);
    expect(m.get('name_zh')).toBe(2);
    expect(m.get('lon')).toBe(1);
    expect(m.get('lat')).toBe(4);
    expect(mapColumns(['经度', 'lng']).get('lon')).toBe(0);
  });
});

describe('values', () => {
  it('reads statuses in both languages', () => {
    expect(parseStatus('已建成')).toBe('existing');
    expect(parseStatus('规划中')).toBe('planned');
    expect(parseStatus('在建')).toBe('under_construction');
    expect(parseStatus('Under Construction')).toBe('under_construction');
    expect(parseStatus('maybe')).toBeNull();
  });

  it('reads every catalog layer by id and by both names, but not the derived layer', () => {
    for (const layer of CATALOG) {
      const expected = layer.derived ? null : layer.id;
      expect(parseCategory(layer.id), layer.id).toBe(expected);
      expect(parseCategory(layer.name_zh), layer.name_zh).toBe(expected);
      expect(parseCategory(layer.name_en.toUpperCase()), layer.name_en).toBe(expected);
    }
    expect(parseCategory('bar')).toBeNull();
  });

  it('reads every district by adcode, full and short Chinese name, and English name', () => {
    for (const [code, n] of Object.entries(LANZHOU_DISTRICTS)) {
      expect(parseDistrict(code)).toBe(code);
      expect(parseDistrict(n.zh)).toBe(code);
      expect(parseDistrict(n.zh.slice(0, -1))).toBe(code);
      expect(parseDistrict(n.en.toLowerCase())).toBe(code);
    }
    expect(parseDistrict('北京')).toBeNull();
    expect(parseDistrict('110101')).toBeNull();
  });

  it('tells Chinese from English names', () => {
    expect(hasCjk('中山桥')).toBe(true);
    expect(hasCjk('Zhongshan Bridge')).toBe(false);
  });
});
