// Day or night map: the user's choice, or automatic — night after sunset in Lanzhou while touring.

import { type NightStyleSetting, nightStyleAt } from './tour/night';

export type Theme = 'day' | 'night';
export const THEME_SETTINGS: readonly NightStyleSetting[] = ['auto', 'day', 'night'];

/**
 * The theme to draw, and when an automatic choice next changes (null: never on its own).
 * Automatic night applies to the evening tour view only, so the rest of the map reads the same at any hour.
 * @param at the instant whose daylight counts: while touring, the tour's own time (TourController.themeInstant),
 *   not the wall clock, so a 20:15 walk planned in the afternoon is shown at night
 */
export function effectiveTheme(
  setting: NightStyleSetting,
  touring: boolean,
  at: Date,
): { theme: Theme; nextChange: Date | null } {
  if (setting === 'auto' && !touring) return { theme: 'day', nextChange: null };
  const r = nightStyleAt(setting, at);
  return { theme: r.night ? 'night' : 'day', nextChange: r.nextChange };
}
