// User-facing strings of the search feature (merged into src/lib/i18n.ts MESSAGES; both languages required).

import type { Entry } from '../i18n';

export const SEARCH_MESSAGES = {} satisfies Record<string, Entry>;
