// User-facing strings of the planner feature (merged into src/lib/i18n.ts MESSAGES; both languages required).

import type { Entry } from '../i18n';

export const PLANNER_MESSAGES = {
  'plan.tab': { zh: '规划', en: 'Plan' },
  'plan.title': { zh: '2024年工作要点目标与已标注情况', en: '2024 targets and what is mapped' },
  'plan.source': {
    zh: '引文出自兰州日报 2024-03-19 报道；“已标注”只统计本图中有来源的地点。',
    en: 'Quotes from Lanzhou Daily, 2024-03-19; “mapped” counts only sourced places on this map.',
  },
  'plan.count': { zh: '已标注 {mapped} / 目标 {target}', en: '{mapped} of {target} mapped' },
  'plan.units': { zh: '已标注 {mapped} 套 / 目标 {target} 套', en: '{mapped} of {target} units mapped' },
  'plan.no_number': { zh: '未给出数量 · 已标注 {mapped}', en: 'no number given · {mapped} mapped' },
  'plan.coverage': { zh: '按步行时间计算覆盖率', en: 'measured as walking-time coverage' },
  'plan.bar': {
    zh: '已建成 {existing}，在建 {building}，规划中 {planned}，占目标 {share}',
    en: '{existing} existing, {building} under construction, {planned} planned: {share} of the target',
  },
  'plan.no_layer': { zh: '本图尚无此类图层。', en: 'This map has no layer for this yet.' },
  'plan.show': { zh: '在地图上显示', en: 'Show on map' },
} satisfies Record<string, Entry>;
