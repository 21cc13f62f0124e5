// User-facing strings of the suggested Yellow River walks (merged into src/lib/i18n.ts MESSAGES; both languages required).

import type { Entry } from '../i18n';

export const TOUR_SUGGEST_MESSAGES = {
  'tour.suggest.name': { zh: '黄河夜游建议路线', en: 'Suggested Yellow River evening walk' },
  'tour.suggest.label': {
    zh: '本图根据 OpenStreetMap 上的地点生成的建议路线，不是官方路线。地点来源：{sources}',
    en: 'Suggested by this map from OpenStreetMap places, not an official route. Places: {sources}',
  },
  'tour.suggest.title': { zh: '沿黄河的建议路线', en: 'Suggest a walk along the river' },
  'tour.suggest.intro': {
    zh: '由地图上的桥梁、观景点、地标、公园和夜市自动排出：沿河而行，只在桥上过河，按开放时间安排，终点在地铁站或夜市附近。',
    en: 'Made from the bridges, viewpoints, landmarks, parks and night markets on the map: along the river, crossing it only on bridges, timed by opening hours, ending near a metro station or night market.',
  },
  'tour.suggest.start': { zh: '起点', en: 'Start' },
  'tour.suggest.start.metro': { zh: '地铁站', en: 'Metro stations' },
  'tour.suggest.start.places': { zh: '河边的地点', en: 'Places along the river' },
  'tour.suggest.here': { zh: '从我的位置', en: 'From where I am' },
  'tour.suggest.here.found': {
    zh: '起点设为离你最近的河边地点：{name}（约 {m} 米）。',
    en: 'Start set to the place along the river nearest you: {name} (about {m} m).',
  },
  'tour.suggest.here.none': {
    zh: '你附近 3 公里内没有河边的起点，请在列表中选择。',
    en: 'No start along the river within 3 km of you; choose one from the list.',
  },
  'tour.suggest.here.failed': {
    zh: '无法获得你的位置（{detail}），请在列表中选择起点。',
    en: 'Your position is not available ({detail}); choose a start from the list.',
  },
  'tour.suggest.length': { zh: '时长', en: 'Length' },
  'tour.suggest.length.value': {
    zh: '约 {h} 小时',
    en: 'about {h} hours',
    en_one: 'about 1 hour',
    count: 'h',
  },
  'tour.suggest.button': { zh: '生成建议路线', en: 'Suggest a walk' },
  'tour.suggest.busy': { zh: '正在沿河排路线……', en: 'Finding a walk along the river…' },
  'tour.suggest.done': {
    zh: '已生成 {min} 分钟的建议路线，共 {n} 站。你可以替换、删除或添加站点。',
    en: 'Suggested a {min}-minute walk with {n} stops. You can swap, remove or add stops.',
  },
  'tour.suggest.too_short': {
    zh: '从这里沿河的地点不够排满这个时长（最多约 {min} 分钟）。请选择更短的时长或其他起点。',
    en: 'There are not enough places along the river from here to fill this length (at most about {min} min). Choose a shorter length or another start.',
  },
  'tour.suggest.start_far': {
    zh: '这个起点离黄河太远（约 {km} 公里），请选择河边的起点。',
    en: 'This start is too far from the river (about {km} km); choose one along the river.',
  },
  'tour.suggest.start_unknown': {
    zh: '起点不在地图上，请重新选择。',
    en: 'The start is not on the map; choose it again.',
  },
  'tour.suggest.no_river': {
    zh: '建议路线需要 OpenStreetMap 中的黄河河道和沿河地点：联网后会自动下载（或由部署者导入 OSM 数据）。现在只有本图自带的 {metro} 个地铁站和 {places} 个地点，你可以在下方用它们规划自己的路线。',
    en: 'Suggested walks need the Yellow River and the places along it from OpenStreetMap: they download when you are online (or the deployer imports OSM data). For now this map has its own {metro} metro stations and {places} other places: plan your own walk from them below.',
  },
  'tour.suggest.no_starts': {
    zh: '河边没有可作起点的地铁站或地点。',
    en: 'No metro station or place along the river to start from.',
  },
  'tour.suggest.river_any': {
    zh: '注意：{origin}中没有名为“黄河”的河流，建议路线沿的是其中的其他河流。',
    en: 'Note: the {origin} has no river named Yellow River; the walks follow the other rivers in it.',
  },
  'tour.suggest.river_from': { zh: '河道来自{origin}。', en: 'The river comes from the {origin}.' },
  // Where OpenStreetMap data came from (src/lib/tour/data_origin.ts): {how} is one of the next four.
  'tour.origin.data': {
    zh: '{how}的 OpenStreetMap 数据（{dated}）',
    en: 'OpenStreetMap data {how} ({dated})',
  },
  'tour.origin.import': { zh: '本站部署者导入', en: "imported by this site's deployer" },
  'tour.origin.live': { zh: '{day} 从 Overpass 在线下载', en: 'downloaded live from Overpass on {day}' },
  'tour.origin.cache': {
    zh: '{saved} 下载、保存在本设备缓存中',
    en: "downloaded {saved} and kept in this device's cache",
  },
  'tour.origin.mixed': {
    zh: '{day} 从 Overpass 在线下载（其中 {cached}/{tiles} 个区块来自本设备缓存，{saved} 下载）',
    en: "downloaded live from Overpass on {day} ({cached} of {tiles} tiles from this device's cache, downloaded {saved})",
  },
  'tour.origin.as_of': { zh: '数据截至 {date}', en: 'data as of {date}' },
  'tour.origin.undated': { zh: '数据日期不详', en: 'data date unknown' },
  'tour.origin.unknown': { zh: '已加载的 OpenStreetMap 数据', en: 'OpenStreetMap data loaded' },
  'tour.origin.credit': { zh: '{credit}（{how}）', en: '{credit} ({how})' },
  'tour.warn.across_water': {
    zh: '第 {from} 站 → 第 {to} 站画成了直线穿过河面，不在桥上：实际请经桥过河（可添加一座桥作为站点）。',
    en: 'Stop {from} → stop {to} is drawn straight across the river, not on a bridge: cross on a bridge (add one as a stop).',
  },
  'tour.ui.stop.swap': { zh: '换一处', en: 'Swap' },
  'tour.ui.stop.swap_label': {
    zh: '把第 {n} 站 {name} 换成附近的其他地点',
    en: 'Swap stop {n}, {name}, for another place nearby',
  },
  'tour.ui.route.official': { zh: '{name}（官方）', en: '{name} (official)' },
} satisfies Record<string, Entry>;
