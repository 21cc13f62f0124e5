// User-facing strings of the planner's map picture (PNG) and printable report (merged into src/lib/i18n.ts MESSAGES).

import type { Entry } from '../i18n';

export const REPORT_MESSAGES = {
  'report.png': { zh: '地图（PNG，含图例）', en: 'Map (PNG with legend)' },
  'report.png.busy': { zh: '正在生成地图图片…', en: 'Making the map picture…' },
  'report.png.done': { zh: '已下载 {file}', en: 'Downloaded {file}' },
  'report.png.failed': {
    zh: '无法生成地图图片（浏览器未能读取地图画面），请重试。',
    en: 'Could not make the map picture (the browser did not hand over the map drawing); please try again.',
  },
  'report.print': { zh: '打印 A4 报告', en: 'Print A4 report' },
  'report.print.lang': { zh: '报告语言', en: 'Report language' },
  'report.print.failed': {
    zh: '无法准备打印报告（页面的一部分未能加载），请重新载入页面后再试。',
    en: 'Could not prepare the report for printing (part of the page did not load); reload the page and try again.',
  },
  'report.title': { zh: '兰州 15 分钟步行覆盖报告', en: 'Lanzhou 15-minute walking coverage report' },
  'report.map_title': {
    zh: '{category} · {method}（{basis}）',
    en: '{category} · {method} ({basis})',
  },
  'report.generated': { zh: '生成于 {time}（北京时间）', en: 'Made on {time} (China Standard Time)' },
  'report.link': { zh: '在线查看此分析：{url}', en: 'This analysis online: {url}' },
  'report.settings': { zh: '分析设置', en: 'Settings' },
  'report.set.category': { zh: '设施类别', en: 'Facility category' },
  'report.set.districts': { zh: '分析范围', en: 'Districts' },
  'report.set.grid': { zh: '格网', en: 'Grid' },
  'report.set.cells': { zh: '格网数', en: 'Cells' },
  'report.set.planned': { zh: '规划中和在建设施', en: 'Planned and under construction' },
  'report.set.planned.yes': { zh: '计入', en: 'counted' },
  'report.set.planned.no': { zh: '不计入', en: 'not counted' },
  'report.set.sites': { zh: '设想选址', en: 'Proposed sites' },
  'report.set.sites.none': { zh: '无', en: 'none' },
  'report.set.basis': { zh: '口径', en: 'Basis' },
  'report.set.method': { zh: '步行时间', en: 'Walking times' },
  'report.set.youth': { zh: '青年占比', en: 'Youth share' },
  'report.set.youth.none': { zh: '未填写（按全部人口）', en: 'not entered (all ages)' },
  'report.findings': { zh: '要点', en: 'Key figures' },
  'report.find.city': {
    zh: '所选区县 {share}（{basis}）可在 {min} 分钟内步行到达{category}。',
    en: '{share} of the selected districts ({basis}) can walk to {category} within {min} min.',
  },
  'report.find.sites': {
    zh: '加上 {n} 个设想选址后，{min} 分钟覆盖率由 {before} 变为 {after}（{delta} 个百分点）。',
    en: 'With the {n} proposed site(s), {min}-minute coverage goes from {before} to {after} ({delta} points).',
  },
  'report.find.gap': {
    zh: '最大的未覆盖片区在{district}：{area} 平方公里。',
    en: 'The largest uncovered area is in {district}: {area} km².',
  },
  'report.find.gap_pop': {
    zh: '最大的未覆盖片区在{district}：{pop} 人，{area} 平方公里。',
    en: 'The largest uncovered area is in {district}: {pop} people, {area} km².',
  },
  'report.find.none_mapped': {
    zh: '本类别尚无已标注设施，因此覆盖率为 0，这不代表实际情况。',
    en: 'No facility of this category is mapped, so coverage is 0; this says nothing about the real city.',
  },
  'report.categories': { zh: '各类设施覆盖率（{basis}）', en: 'Coverage of every category ({basis})' },
  'report.col.category': { zh: '类别', en: 'Category' },
  'report.col.counted': { zh: '计入设施', en: 'Facilities' },
  'report.col.delta': { zh: '{min} 分钟变化', en: 'Change at {min} min' },
  'report.clusters': {
    zh: '最大的未覆盖片区（超过 {min} 分钟）',
    en: 'Largest uncovered areas (over {min} min)',
  },
  'report.col.rank': { zh: '序号', en: '#' },
  'report.col.area': { zh: '面积（平方公里）', en: 'Area (km²)' },
  'report.col.cells': { zh: '格网', en: 'Cells' },
  'report.col.people': { zh: '人口', en: 'People' },
  'report.col.centre': { zh: '中心（经度, 纬度）', en: 'Centre (lon, lat)' },
  'report.scores': {
    zh: '青年公寓：{min} 分钟内缺少的类别',
    en: 'Youth apartments: what is missing within {min} min',
  },
  'report.targets': {
    zh: '2024年工作要点目标与已标注情况',
    en: '2024 work-point targets and what is mapped',
  },
  'report.col.target': { zh: '目标', en: 'Target' },
  'report.col.number': { zh: '数量', en: 'Number' },
  'report.col.mapped': { zh: '已标注（建成/在建/规划）', en: 'Mapped (existing/building/planned)' },
  'report.col.share': { zh: '占目标', en: 'Of target' },
  'report.no_number': { zh: '未给出', en: 'not given' },
  'report.no_layer': { zh: '无图层', en: 'no layer' },
  'report.notes': { zh: '说明与来源', en: 'Notes and sources' },
  'report.sources': { zh: '设施来源：{list}', en: 'Facility sources: {list}' },
  'report.sources.none': {
    zh: '设施来源：无（本类别无已标注设施）',
    en: 'Facility sources: none (nothing mapped)',
  },
  'report.attribution': { zh: '底图与边界：{list}', en: 'Basemap and boundaries: {list}' },
  'report.plan_source': {
    zh: '目标引文：兰州日报 2024-03-19《兰州市2024年建设青年发展型城市工作要点》。',
    en: 'Targets quoted from 兰州日报, 2024-03-19: 兰州市2024年建设青年发展型城市工作要点.',
  },
  'report.map_alt': {
    zh: '地图：{category}步行时间格网与图例',
    en: 'Map: walking-time cells to {category}, with legend',
  },
  'report.sites_legend': { zh: '① 设想选址', en: '① proposed site' },
} satisfies Record<string, Entry>;
