// The tour's night-style decision, kept until the next sunrise or sunset (playback asks every frame).

import { effectiveTheme, type Theme } from '../lib/theme';
import type { NightStyleSetting } from '../lib/tour/night';

/** Remembers the last day/night decision and the span of instants [from, until) it holds for. */
export class NightDecision {
  private last: { key: string; theme: Theme; from: number; until: number } | null = null;

  /**
   * Whether the map is in the night style (src/lib/theme.ts, which the app's basemap switch uses too).
   * @param at the instant whose daylight counts (the tour's own time while touring)
   */
  night(setting: NightStyleSetting, touring: boolean, at: Date): boolean {
    const ms = at.getTime();
    const key = `${setting}|${touring}`;
    const c = this.last;
    if (c && c.key === key && ms >= c.from && ms < c.until) return c.theme === 'night';
    const r = effectiveTheme(setting, touring, at);
    this.last = { key, theme: r.theme, from: ms, until: r.nextChange?.getTime() ?? Number.POSITIVE_INFINITY };
    return r.theme === 'night';
  }
}
