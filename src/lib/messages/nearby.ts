// User-facing strings of the nearby feature (merged into src/lib/i18n.ts MESSAGES; both languages required).

import type { Entry } from '../i18n';

export const NEARBY_MESSAGES = {
  'nearby.tab': { zh: '附近', en: 'Nearby' },
  'nearby.title': { zh: '附近有什么', en: 'What is near' },
  'nearby.centre': { zh: '以地图中心为地点', en: 'Use the map centre' },
  'nearby.centre.outside': {
    zh: '地图中心不在兰州市范围内；请先把地图移到兰州。',
    en: 'The map centre is outside Lanzhou; move the map to Lanzhou first.',
  },
  'nearby.pick': {
    zh: '在地图上点击一个地点，或使用定位、搜索。',
    en: 'Click a place on the map, or use your location or search.',
    en_touch: 'Tap a place on the map, or use your location or search.',
  },
  'nearby.locate': { zh: '定位我', en: 'Locate me' },
  'nearby.locating': { zh: '正在定位…', en: 'Locating…' },
  'nearby.locate.denied': {
    zh: '无法获取位置（未授权或不可用）。请在地图上点击选择地点。',
    en: 'Your location is not available (permission denied or no signal). Click the map to choose a place.',
    en_touch:
      'Your location is not available (permission denied or no signal). Tap the map to choose a place.',
  },
  'nearby.locate.outside': {
    zh: '你的位置不在兰州市范围内，无法计算附近设施。请在地图上点击兰州的一个地点。',
    en: 'Your location is outside Lanzhou, so nothing nearby can be computed. Click a place in Lanzhou on the map.',
    en_touch:
      'Your location is outside Lanzhou, so nothing nearby can be computed. Tap a place in Lanzhou on the map.',
  },
  'nearby.origin': { zh: '出发点：{lon}, {lat}', en: 'From: {lon}, {lat}' },
  'nearby.clear': { zh: '清除出发点', en: 'Clear the place' },
  'nearby.method.estimate': {
    zh: '步行时间为估算：直线距离 × {factor}，按 {speed} 米/分钟（未加载街道网络）。',
    en: 'Walking times are estimates: straight-line distance × {factor} at {speed} m/min (no street network loaded).',
  },
  'nearby.method.network': {
    zh: '步行时间沿街道网络计算，按 {speed} 米/分钟。',
    en: 'Walking times follow the street network at {speed} m/min.',
  },
  'nearby.categories': { zh: '类别', en: 'Categories' },
  'nearby.open_now': { zh: '只看现在开放的', en: 'Open now only' },
  'nearby.open_hidden': {
    zh: '另有 {n} 处开放时间未知，未列出。',
    en: '{n} more with unknown opening hours are not listed.',
  },
  'nearby.results': { zh: '{n} 处在 {max} 分钟步行范围内', en: '{n} within a {max}-minute walk' },
  'nearby.none': {
    zh: '{max} 分钟步行范围内没有所选类别的已收录地点。',
    en: 'No mapped places of the chosen categories within a {max}-minute walk.',
  },
  'nearby.minutes': { zh: '{min} 分钟', en: '{min} min' },
  'nearby.estimate_mark': { zh: '估算', en: 'estimate' },
  'nearby.circle.inside': {
    zh: '在一刻钟健身圈内：步行约 {min} 分钟可到 {name}。',
    en: 'Inside the 15-minute fitness circle: {name} is about {min} min away on foot.',
  },
  'nearby.circle.outside': {
    zh: '不在一刻钟健身圈内：最近的已建成运动健身设施 {name} 需步行约 {min} 分钟。',
    en: 'Outside the 15-minute fitness circle: the nearest existing fitness or sports facility, {name}, is about {min} min away.',
  },
  'nearby.circle.none': {
    zh: '不在一刻钟健身圈内：{max} 分钟内没有已收录的已建成运动健身设施。',
    en: 'Outside the 15-minute fitness circle: no mapped existing fitness or sports facility within {max} min.',
  },
  'nearby.summary': { zh: '步行 5 / 10 / 15 分钟内', en: 'Within 5 / 10 / 15 min' },
  'nearby.route': { zh: '步行路线：约 {min} 分钟，{dist}', en: 'Walk: about {min} min, {dist}' },
  'nearby.route.steps': { zh: '含台阶 {dist}', en: 'includes steps ({dist})' },
  'nearby.route.bridge': { zh: '经 {name}', en: 'via {name}' },
  'nearby.route.bridge_unnamed': { zh: '经桥梁', en: 'over a bridge' },
  'nearby.route.straight': {
    zh: '直线示意（无街道网络），实际路线可能更长。',
    en: 'Straight-line sketch (no street network): the real walk may be longer.',
  },
  'nearby.copy': { zh: '复制链接', en: 'Copy link' },
  'nearby.copied': { zh: '链接已复制', en: 'Link copied' },
  'nearby.copy_failed': {
    zh: '无法复制，请从地址栏复制链接。',
    en: 'Could not copy; copy the link from the address bar.',
  },
  'nearby.print': { zh: '打印 / 保存为 PDF', en: 'Print / save as PDF' },
  // ---- online street network (src/lib/walk/online/status.ts picks the key) ----
  'nearby.net.loading': {
    zh: '正在从 {host} 下载附近的街道网络…',
    en: 'Downloading the street network around this place from {host}…',
  },
  'nearby.net.building': { zh: '正在构建街道网络…', en: 'Building the street network…' },
  'nearby.net.from_network': {
    zh: '街道网络已从 {host} 下载（地图数据 © OpenStreetMap 贡献者）。',
    en: 'Street network downloaded from {host} (map data © OpenStreetMap contributors).',
  },
  'nearby.net.from_cache': {
    zh: '街道网络来自本机缓存，{date} 下载（地图数据 © OpenStreetMap 贡献者）。',
    en: "Street network from this device's cache, downloaded {date} (map data © OpenStreetMap contributors).",
  },
  'nearby.net.empty': {
    zh: '这一带没有已收录的可步行道路。',
    en: 'No walkable ways are mapped around this place.',
  },
  'nearby.net.failed.offline': {
    zh: '无法下载街道网络：设备离线，或无法连接 {host}。',
    en: 'The street network could not be downloaded: offline, or {host} cannot be reached.',
  },
  'nearby.net.failed.timeout': {
    zh: '无法下载街道网络：{host} 在 {seconds} 秒内没有完成响应。',
    en: 'The street network could not be downloaded: {host} did not answer within {seconds} s.',
  },
  'nearby.net.failed.busy': {
    zh: '无法下载街道网络：{host} 正忙，请稍后再试。',
    en: 'The street network could not be downloaded: {host} is busy; try again later.',
  },
  'nearby.net.failed.http': {
    zh: '无法下载街道网络：{host} 返回错误（HTTP {status}）。',
    en: 'The street network could not be downloaded: {host} answered with an error (HTTP {status}).',
  },
  'nearby.net.failed.bad_data': {
    zh: '无法下载街道网络：{host} 的响应无法读取。',
    en: 'The street network could not be downloaded: the answer from {host} could not be read.',
  },
  'nearby.net.failed.too_large': {
    zh: '无法下载街道网络：这一带的数据量过大。',
    en: 'The street network could not be downloaded: there is too much data for this area.',
  },
  'nearby.net.cleared': {
    zh: '清除本机数据时停止了街道网络的下载，未保存任何数据。',
    en: "Clearing this device's data stopped the street network download; nothing of it was kept.",
  },
  'nearby.net.estimate': {
    zh: '改用估算的步行时间（直线距离 × {factor}）。',
    en: 'Using estimated walking times instead (straight-line distance × {factor}).',
  },
  'nearby.net.retry': { zh: '重试下载', en: 'Try again' },
} satisfies Record<string, Entry>;
