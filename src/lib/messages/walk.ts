// User-facing strings of the walking engine (merged into src/lib/i18n.ts MESSAGES; both languages required).

import type { Entry } from '../i18n';

export const WALK_MESSAGES = {
  'walk.graph_outdated': {
    zh: '步行路网文件为旧格式（版本 {version}，本程序读取版本 {expected}）：请重新运行导入（npm run data:osm）。',
    en: 'The walking graph file is in an old format (version {version}; this app reads version {expected}): re-run the import (npm run data:osm).',
  },
} satisfies Record<string, Entry>;
