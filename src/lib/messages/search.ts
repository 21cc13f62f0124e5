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
  // What was searched is named, so an empty list never reads as "this place is not on the map" only.
  'search.none': {
    zh: '没有与“{q}”匹配的地点、区县或规划目标',
    en: 'No places, districts or plan targets match “{q}”',
  },
  // No place matched, but plan targets or districts did: said above the list (src/lib/search_outcome.ts).
  'search.no_places.targets': {
    zh: '没有与“{q}”匹配的地点；找到 {n} 个规划目标：',
    en: 'No places match “{q}”; found {n} plan targets:',
    en_one: 'No places match “{q}”; found 1 plan target:',
  },
  'search.no_places.districts': {
    zh: '没有与“{q}”匹配的地点；找到 {n} 个区县：',
    en: 'No places match “{q}”; found {n} districts or counties:',
    en_one: 'No places match “{q}”; found 1 district or county:',
  },
  'search.no_places.both': {
    zh: '没有与“{q}”匹配的地点；找到 {districts} 个区县和 {targets} 个规划目标：',
    en: 'No places match “{q}”; found districts or counties ({districts}) and plan targets ({targets}):',
  },
  'search.district': { zh: '区县', en: 'District or county' },
  // A promise of the 2024 work points (no position of its own); choosing it opens the plan panel.
  'search.target': { zh: '规划目标', en: 'Plan target' },
} satisfies Record<string, Entry>;
