// User-facing strings of the import feature (merged into src/lib/i18n.ts MESSAGES; both languages required).

import type { Entry } from '../i18n';

export const IMPORT_MESSAGES = {} satisfies Record<string, Entry>;
