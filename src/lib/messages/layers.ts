// Strings of the two kinds of layers (everyday facilities vs the plan's designations) and source credits.

export const LAYER_MESSAGES = {
  'family.everyday': { zh: '日常设施', en: 'Everyday facility' },
  'family.designation': { zh: '规划认定', en: 'Plan designation' },
  'family.reference': { zh: '参考', en: 'Reference' },
  'layers.group.everyday': { zh: '日常设施', en: 'Everyday facilities' },
  'layers.group.everyday.note': {
    zh: '现有的场所，不论由谁建设运营（OpenStreetMap 与其他注明的来源）',
    en: 'What exists, whoever runs it (OpenStreetMap and other cited sources)',
  },
  'layers.group.designation': { zh: '2024年工作要点的规划认定', en: "The 2024 work points' designations" },
  'layers.group.designation.note': {
    zh: '只收录有来源指明属于规划的场地；普通公园不是青年主题公园',
    en: 'Only sites a source ties to the plan; an ordinary park is not a youth theme park',
  },
  'layers.group.reference': { zh: '参考图层', en: 'Reference' },
  'plan.cov.csv.family': { zh: '图层性质', en: 'Kind of layer' },
  'layers.count.filtered': {
    zh: '0 处（{n} 处被状态筛选隐藏）',
    en: '0 shown ({n} hidden by the status filter)',
  },
  'card.family': { zh: '图层性质', en: 'Kind' },
  'card.family.everyday': {
    zh: '日常设施：现有场所，并非规划认定',
    en: 'Everyday facility: it exists; not a plan designation',
  },
  'card.family.designation': {
    zh: '规划认定：来源将其列入2024年工作要点',
    en: 'Plan designation: a source ties it to the 2024 work points',
  },
  'card.family.reference': { zh: '参考图层', en: 'Reference layer' },
  'card.facility_type': { zh: '设施类型', en: 'Facility type' },
  'source.osm_dated': { zh: '{credit}，数据截至 {date}', en: '{credit}, data as of {date}' },
  'list.more': {
    zh: '还有 {n} 处未列出：放大地图或使用搜索',
    en: '{n} more not listed: zoom in or use search',
  },
} as const;
