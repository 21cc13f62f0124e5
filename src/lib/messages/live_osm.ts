// User-facing strings of live OpenStreetMap facilities (merged into src/lib/i18n.ts MESSAGES; both languages required).

import type { Entry } from '../i18n';

export const LIVE_OSM_MESSAGES = {
  'live.title': { zh: 'OpenStreetMap 在线设施', en: 'Live facilities from OpenStreetMap' },
  'live.progress': { zh: '下载进度', en: 'Download progress' },
  'live.loading': {
    zh: '正在从 {host} 加载：{done}/{total} 个区块，已找到 {found} 处设施…',
    en: 'Loading from {host}: {done} of {total} tiles, {found} facilities found so far…',
  },
  'live.done': {
    zh: '已加载 {n} 处 OpenStreetMap 设施（{tiles} 个区块，数据日期 {date}）。',
    en: '{n} facilities from OpenStreetMap loaded ({tiles} tiles, data as of {date}).',
  },
  'live.done.nodate': {
    zh: '已加载 {n} 处 OpenStreetMap 设施（{tiles} 个区块）。',
    en: '{n} facilities from OpenStreetMap loaded ({tiles} tiles).',
  },
  'live.from_cache': {
    zh: '{cached} 个区块来自本设备缓存（{saved} 下载，14 天后更新）。',
    en: "{cached} tiles from this device's cache (downloaded {saved}; refreshed after 14 days).",
  },
  'live.river.any': {
    zh: '区块中没有名为黄河的河流：沿岸景点按任意河流判断。',
    en: 'No river named the Yellow River in these tiles: riverside sights are judged by any river.',
  },
  'live.idle': {
    zh: '联网时自动从 OpenStreetMap 加载公园、运动场、图书馆等日常设施。',
    en: 'When online, everyday facilities (parks, pitches, libraries …) load from OpenStreetMap.',
  },
  'live.import_present': {
    zh: '本站已内置 OpenStreetMap 导入数据；可从 OpenStreetMap 更新为最新数据。',
    en: 'This site ships an OpenStreetMap import; you can update it with the latest OpenStreetMap data.',
  },
  'live.import_river_error': {
    zh: '导入数据中的河道文件无法读取（{detail}）：建议夜游路线需等从 OpenStreetMap 加载河道后才能使用，其余导入数据照常使用。',
    en: "The import's river file could not be read ({detail}): suggested night walks wait until the river loads from OpenStreetMap; the rest of the import is used.",
  },
  'live.cleared.stopped': {
    zh: '本设备保存的 OpenStreetMap 设施已清除，正在进行的下载已停止且未保存任何数据，地图上也已移除；需要时可重新加载。',
    en: 'The OpenStreetMap facilities kept on this device were cleared, the running download was stopped with nothing of it kept, and they left the map; load them again when you need them.',
  },
  'live.cleared': {
    zh: '本设备保存的 OpenStreetMap 设施已清除，地图上也已移除；需要时可重新加载。',
    en: 'The OpenStreetMap facilities kept on this device were cleared and left the map; load them again when you need them.',
  },
  'live.start': { zh: '从 OpenStreetMap 加载', en: 'Load from OpenStreetMap' },
  'live.refresh': { zh: '重新下载', en: 'Download again' },
  'live.retry': { zh: '重试', en: 'Try again' },
  'live.outer': {
    zh: '同时加载红古、榆中、皋兰、永登（另加 {tiles} 个区块）',
    en: 'Also load Honggu, Yuzhong, Gaolan and Yongdeng ({tiles} more tiles)',
  },
  'live.failed.offline': {
    zh: '无法连接 {host}：设备离线或服务器不可达。',
    en: 'Could not reach {host}: the device is offline or the server is unreachable.',
  },
  'live.failed.timeout': {
    zh: '{host} 在 {seconds} 秒内没有完成应答（超时）。',
    en: '{host} did not answer within {seconds} s (timed out).',
  },
  'live.failed.rate_limited': {
    zh: '{host} 表示请求过多（HTTP 429），已稍候重试仍被拒绝。',
    en: '{host} says there are too many requests (HTTP 429); a retry after a pause was refused too.',
  },
  'live.failed.rate_limited_wait': {
    zh: '{host} 表示请求过多（HTTP 429），按其要求等待 {seconds} 秒后重试仍被拒绝。',
    en: '{host} says there are too many requests (HTTP 429); waited the {seconds} s it asked for, and the retry was refused too.',
  },
  'live.failed.server': {
    zh: '{host} 服务器出错（HTTP {status}）。',
    en: '{host} had a server error (HTTP {status}).',
  },
  'live.failed.http': {
    zh: '{host} 拒绝了请求（HTTP {status}）。',
    en: '{host} refused the request (HTTP {status}).',
  },
  'live.failed.remark': {
    zh: '{host} 中途放弃了查询（Overpass 运行错误：{remark}）。',
    en: '{host} gave up on the query (Overpass runtime error: {remark}).',
  },
  'live.failed.bad_json': {
    zh: '{host} 的应答不是有效的 Overpass JSON（可能是错误页面）。',
    en: 'The answer from {host} is not valid Overpass JSON (an error page?).',
  },
  'live.failed.too_large': {
    zh: '{host} 的应答超过 {mb} MB 上限，已停止下载。',
    en: 'The answer from {host} is larger than the {mb} MB limit; the download was stopped.',
  },
  'live.kept_shipped': {
    zh: '内置数据照常显示，地图视图不变。',
    en: 'The shipped places stay on the map; your view is unchanged.',
  },
  'live.kept_partial': {
    zh: '已加载的 {n} 处设施和内置数据照常显示，地图视图不变。',
    en: 'The {n} facilities loaded so far and the shipped places stay on the map; your view is unchanged.',
  },
  'live.attribution': {
    zh: '© OpenStreetMap contributors（ODbL）',
    en: '© OpenStreetMap contributors (ODbL)',
  },
} satisfies Record<string, Entry>;
