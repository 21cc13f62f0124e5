import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText, sniffBinary } from './decode';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../test/fixtures/bad/${name}`, import.meta.url)));
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeText', () => {
  it('reads GBK as Excel on Chinese Windows saves it, and the same text as UTF-8 with BOM and UTF-16', () => {
    const gbk = decodeText(fixture('excel_gbk.csv'));
    const bom = decodeText(fixture('excel_utf8_bom.csv'));
    const utf16 = decodeText(fixture('excel_unicode.txt'));
    expect(gbk.encoding).toBe('gbk');
    expect(bom.encoding).toBe('utf-8-bom');
    expect(utf16.encoding).toBe('utf-16le');
    expect(gbk.text.startsWith('编号,名称,英文名称,类别,区县')).toBe(true);
    expect(gbk.text).toContain('测试数据（非真实地点）');
    expect(bom.text).toBe(gbk.text);
    expect(utf16.text).toBe(gbk.text.replaceAll(',', '\t'));
    for (const r of [gbk, bom, utf16]) {
      expect(r.truncated).toBe(false);
      expect(r.text).not.toContain('\uFFFD');
      expect(r.text.charCodeAt(0)).not.toBe(0xfeff);
    }
  });

  it('prefers UTF-8 when the bytes are valid UTF-8', () => {
    expect(decodeText(utf8('名称,经度\n中山桥,103.8'))).toEqual({
      text: '名称,经度\n中山桥,103.8',
      encoding: 'utf-8',
      truncated: false,
      badLines: [],
      alt: null,
    });
    expect(decodeText(utf8('plain ascii')).encoding).toBe('utf-8');
  });

  it('flags UTF-8 cut inside its last character instead of misreading it as GBK', () => {
    const r = decodeText(fixture('truncated_utf8.csv'));
    expect(r.encoding).toBe('utf-8');
    expect(r.truncated).toBe(true);
    expect(r.text.endsWith('测试数\uFFFD')).toBe(true);
    const bomCut = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('兰州').slice(0, 4)]));
    expect(bomCut).toEqual({
      text: '兰\uFFFD',
      encoding: 'utf-8-bom',
      truncated: true,
      badLines: [],
      alt: null,
    });
  });

  it('reads UTF-16 big-endian and byte-order-mark-less UTF-16', () => {
    const be = new Uint8Array([0xfe, 0xff, 0x00, 0x61, 0x51, 0x70]);
    expect(decodeText(be)).toMatchObject({ text: 'a兰', encoding: 'utf-16be' });
    const le = new Uint8Array([...'id,name\n1,a'].flatMap((c) => [c.charCodeAt(0), 0]));
    expect(decodeText(le)).toMatchObject({ text: 'id,name\n1,a', encoding: 'utf-16le' });
  });
});

describe('sniffBinary', () => {
  it('recognises workbooks, archives, pictures, PDFs and shapefiles by their first bytes', () => {
    expect(sniffBinary(fixture('workbook.xlsx'))).toBe('zip');
    expect(sniffBinary(fixture('map_screenshot.png'))).toBe('image');
    expect(sniffBinary(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe('ole');
    expect(sniffBinary(utf8('%PDF-1.7\n'))).toBe('pdf');
    expect(sniffBinary(new Uint8Array([0, 0, 0x27, 0x0a, 0, 0, 0, 0]))).toBe('shapefile');
    expect(sniffBinary(new Uint8Array([1, 2, 0, 3, 0, 0, 9, 8, 7]))).toBe('binary');
  });

  it('lets every kind of text through', () => {
    for (const name of ['excel_gbk.csv', 'excel_utf8_bom.csv', 'excel_unicode.txt', 'malformed.geojson']) {
      expect(sniffBinary(fixture(name)), name).toBeNull();
    }
    expect(sniffBinary(new Uint8Array())).toBeNull();
  });

  // GBK bytes as Python's gbk codec (code page 936) writes them; JavaScript has no GBK encoder.
  const GBK: Record<string, number[]> = {
    '名称,经度\n中山桥,103.8\n': [
      195, 251, 179, 198, 44, 190, 173, 182, 200, 10, 214, 208, 201, 189, 199, 197, 44, 49, 48, 51, 46, 56,
      10,
    ],
    '白塔山,103.82': [176, 215, 203, 254, 201, 189, 44, 49, 48, 51, 46, 56, 50],
  };
  const gbk = (text: string) => new Uint8Array(GBK[text] ?? []);

  it('never decodes a GBK row inside a UTF-8 file into mojibake: the row is listed instead', () => {
    const bytes = new Uint8Array([
      ...utf8('名称,经度\n中山桥,103.8\n'),
      ...gbk('白塔山,103.82'),
      ...utf8('\n黄河楼,103.81\n'),
    ]);
    const r = decodeText(bytes);
    expect(r.encoding).toBe('utf-8');
    expect(r.badLines).toEqual([3]);
    expect(r.alt).toBe('gbk');
    // Line numbers are kept; the bad line is empty, not garbled.
    expect(r.text).toBe('名称,经度\n中山桥,103.8\n\n黄河楼,103.81\n');
  });

  it('lists the lines of a file that has a UTF-8 mark over GBK bytes, and reads it as GBK when asked', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...gbk('名称,经度\n中山桥,103.8\n')]);
    const auto = decodeText(bytes);
    expect(auto).toMatchObject({ encoding: 'utf-8-bom', badLines: [1, 2], alt: 'gbk' });
    expect(decodeText(bytes, 'gbk')).toMatchObject({
      text: '名称,经度\n中山桥,103.8\n',
      encoding: 'gbk',
      badLines: [],
    });
  });

  it('reads a whole-GBK file as GBK and a chosen UTF-8 strictly', () => {
    const bytes = gbk('名称,经度\n中山桥,103.8\n');
    expect(decodeText(bytes)).toMatchObject({
      encoding: 'gbk',
      text: '名称,经度\n中山桥,103.8\n',
      badLines: [],
    });
    expect(decodeText(bytes, 'utf-8')).toMatchObject({ encoding: 'utf-8', badLines: [1, 2], alt: 'gbk' });
  });
});
