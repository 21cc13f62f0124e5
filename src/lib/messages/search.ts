// User-facing strings of the search feature (merged into src/lib/i18n.ts MESSAGES; both languages required).

import type { Entry } from '../i18n';

export const SEARCH_MESSAGES = {
  'search.label': { zh: '搜索地点、区县和规划目标', en: 'Search places, districts and plan targets' },
  // Short enough for a 375 px phone; the hint below the box says what can be typed.
  'search.placeholder': { zh: '搜索地点或区县', en: 'Places, districts' },
  'search.hint': {
    zh: '可输入汉字、拼音（全拼或首字母）或英文。上下方向键选择，回车打开，Esc 关闭。',
    en: 'Type Chinese, pinyin (full or initials) or English. Arrow keys to choose, Enter to open, Escape to close.',
  },
  'search.listbox': { zh: '搜索结果', en: 'Search results' },
  'search.results': { zh: '找到 {n} 个结果', en: '{n} results' },
  'search.results.one': { zh: '找到 1 个结果', en: '1 result' },
  'search.none': { zh: '没有找到匹配的地点', en: 'No matching places' },
  'search.district': { zh: '区县', en: 'District or county' },
  // A promise of the 2024 work points (no position of its own); choosing it opens the plan panel.
  'search.target': { zh: '规划目标', en: 'Plan target' },
} satisfies Record<string, Entry>;
