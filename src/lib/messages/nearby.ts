// User-facing strings of the nearby feature (merged into src/lib/i18n.ts MESSAGES; both languages required).

import type { Entry } from '../i18n';

export const NEARBY_MESSAGES = {} satisfies Record<string, Entry>;
