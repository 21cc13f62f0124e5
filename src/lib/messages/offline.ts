// User-facing strings of the app kept on the device: offline state, updates, storage, keep-offline.

import type { Entry } from '../i18n';

export const OFFLINE_MESSAGES = {
  'offline.badge': { zh: '离线 · 显示已保存的数据', en: 'Offline · showing saved data' },
  'offline.extract_error': {
    zh: '兰州底图数据的清单无效（{detail}），已使用内置离线底图。',
    en: 'The Lanzhou basemap manifest is invalid ({detail}); using the built-in offline basemap.',
  },
  'offline.update': { zh: '新版本已就绪。', en: 'A new version is ready.' },
  'offline.update.reload': { zh: '重新加载以更新', en: 'Reload to update' },
  'offline.storage.title': { zh: '离线保存', en: 'Kept on this device' },
  'offline.storage.used': {
    zh: '本设备已用存储：{used}（可用约 {quota}）',
    en: 'Storage used on this device: {used} (about {quota} available)',
  },
  'offline.storage.unknown': { zh: '本设备已用存储：未知', en: 'Storage used on this device: unknown' },
  'offline.storage.none': {
    zh: '此浏览器不支持离线保存。',
    en: 'This browser cannot keep the map for offline use.',
  },
  'offline.clear': {
    zh: '清除已保存的底图、街道网络与设施',
    en: 'Clear saved basemap tiles, street networks and facilities',
  },
  'offline.cleared': {
    zh: '已清除。应用本身仍可离线打开。',
    en: 'Cleared. The app itself still opens offline.',
  },
  'offline.keep': { zh: '离线保存兰州', en: 'Keep Lanzhou offline' },
  'offline.keep.extract': {
    zh: '下载兰州完整底图（{size}，{date} 版），离线时街道、黄河和地名都可见。',
    en: 'Download the full Lanzhou basemap ({size}, built {date}) so streets, the Yellow River and names show offline.',
  },
  'offline.keep.area': {
    zh: '下载当前地图范围的在线底图瓦片：{n} 块，约 {size}（按已缓存瓦片的平均大小估算）。',
    en: 'Download the online basemap tiles of the area in view: {n} tiles, about {size} (estimated from the tiles already saved).',
  },
  'offline.keep.area.unknown': {
    zh: '下载当前地图范围的在线底图瓦片：{n} 块，大小未知。',
    en: 'Download the online basemap tiles of the area in view: {n} tiles, size unknown.',
  },
  'offline.keep.nothing': {
    zh: '当前底图没有可下载的在线瓦片（离线底图已随应用保存）。',
    en: 'The basemap shown has no online tiles to download (the offline basemap is already kept with the app).',
  },
  'offline.keep.toomany': {
    zh: '范围太大（{n} 块瓦片）。请放大地图后再试。',
    en: 'The area is too large ({n} tiles). Zoom in and try again.',
  },
  'offline.keep.start': { zh: '开始下载', en: 'Download' },
  'offline.keep.cancel': { zh: '取消', en: 'Cancel' },
  'offline.keep.progress': { zh: '已下载 {done} / {total}', en: 'Downloaded {done} of {total}' },
  'offline.keep.done': { zh: '已保存，可离线使用。', en: 'Saved for offline use.' },
  'offline.keep.failed': {
    zh: '下载中断：{detail}。已保存的部分保留，可再次尝试。',
    en: 'Download stopped: {detail}. What was saved is kept; try again.',
  },
} satisfies Record<string, Entry>;
