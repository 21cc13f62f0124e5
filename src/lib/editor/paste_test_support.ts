// Test-only: an invented 20-row sheet as Excel/WPS put it on the clipboard (mixed datums, CJK text, one bad row).
// These are test fixtures, not places: never copy them into data/.

import { layerName } from '../../catalog';
import { type Crs, fromWgs84 } from '../crs';
import type { CategoryId } from '../feature';

export interface FixturePlace {
  id: string;
  name_zh: string;
  category: CategoryId;
  /** District the row claims (adcode). */
  district: string;
  /** True WGS-84 position, degrees. */
  truth: [number, number];
  /** Datum the sheet writes the coordinates in. */
  crs: Crs;
  /** Cell of the status column as the sheet says it. */
  status: string;
  /** Digits written full-width (１０３．８), as some WPS templates do. */
  fullWidth?: boolean;
}

/** Spots well inside four districts (checked against the shipped boundaries). */
const SPOTS: { district: string; at: [number, number] }[] = [
  { district: '620102', at: [103.84, 36.05] },
  { district: '620102', at: [103.86, 36.06] },
  { district: '620102', at: [103.9, 36.04] },
  { district: '620103', at: [103.78, 36.07] },
  { district: '620103', at: [103.75, 36.06] },
  { district: '620105', at: [103.72, 36.1] },
  { district: '620105', at: [103.7, 36.11] },
  { district: '620104', at: [103.63, 36.1] },
  { district: '620104', at: [103.6, 36.09] },
];
const CATS: CategoryId[] = ['youth_home', 'youth_community', 'job_station', 'youth_housing'];
const DATUMS: Crs[] = ['WGS84', 'GCJ02', 'BD09'];
/** GBK-range text as district offices write it: full-width brackets, rare-but-valid characters. */
const NAMES = ['测试青年之家（甲）', '测试·青年驿站', '测试犇鑫社区', '测试菓园站', '测试翡翠湾（二期）'];

/** The 19 good rows and, last, the bad one: claims 安宁区 from a point in 七里河区, with an unknown status. */
export function fixturePlaces(): FixturePlace[] {
  const out: FixturePlace[] = [];
  for (let i = 0; i < 19; i++) {
    const spot = SPOTS[i % SPOTS.length] as (typeof SPOTS)[number];
    // Spread the rows of one spot ~200 m apart so their markers do not overlap.
    const k = Math.floor(i / SPOTS.length);
    out.push({
      id: `test-editor-${i + 1}`,
      name_zh: `${NAMES[i % NAMES.length]}${i + 1}号`,
      category: CATS[i % CATS.length] as CategoryId,
      district: spot.district,
      truth: [spot.at[0] + k * 0.002, spot.at[1] + k * 0.0015],
      crs: DATUMS[i % DATUMS.length] as Crs,
      status: ['已建成', '规划中', '在建'][i % 3] as string,
      fullWidth: i % 5 === 4,
    });
  }
  out.push({
    id: 'test-editor-bad',
    name_zh: '测试错误行（区县不符）',
    category: 'youth_home',
    district: '620105',
    truth: [103.75, 36.045],
    crs: 'GCJ02',
    status: '待定',
  });
  return out;
}

const toFullWidth = (s: string) => s.replace(/[0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/**
 * The sheet as Excel puts it on the clipboard: Tab between cells, CRLF after every row including the last,
 * a cell with a line break quoted (with its quotes doubled), Chinese headers in a shuffled order.
 */
export function excelClipboard(places: readonly FixturePlace[]): string {
  const header = [
    '名称',
    '类别',
    '经度',
    '纬度',
    '坐标系',
    '区县',
    '状态',
    '精度(米)',
    '来源',
    '日期',
    'id',
    '备注',
  ];
  const datum: Record<Crs, string> = { WGS84: 'WGS84', GCJ02: '高德', BD09: '百度' };
  const lines = [header.join('\t')];
  for (const p of places) {
    const [x, y] = fromWgs84(p.truth[0], p.truth[1], p.crs);
    const num = (v: number) => (p.fullWidth ? toFullWidth(v.toFixed(6)) : v.toFixed(6));
    lines.push(
      [
        p.name_zh,
        layerName(p.category, 'zh'),
        num(x),
        num(y),
        datum[p.crs],
        p.district,
        p.status,
        '30',
        '编辑器测试数据（虚构）',
        '2024-03-19',
        p.id,
        '"第一行\n第二行，含""引号"""',
      ].join('\t'),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
