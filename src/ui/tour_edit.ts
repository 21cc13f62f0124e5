// An edit of the walk from the tour panel (add, move, remove, swap, stay): applied to the URL state, with
// the refusal said in words and keyboard focus kept on the control that moved.

import { type Lang, translate } from '../lib/i18n';
import type { TourStopRef } from '../lib/tour/routes';
import { applyWalkAction, type WalkAction } from '../lib/tour/walk_builder';
import { REFUSAL_MAX, REFUSAL_MESSAGE } from './tour_wording';

/** What an edit needs of the app. */
export interface EditHost {
  set(patch: { tourStops: TourStopRef[]; tourRoute: null }): void;
  notice(text: string): void;
}

/**
 * Applies `action` to `stops`; `focus` names the control to focus afterwards (by the stop's new index).
 * @returns whether the walk changed (false: refused, and the person was told why)
 */
export function editWalk(
  stops: readonly TourStopRef[],
  lang: Lang,
  action: WalkAction,
  focus: string | ((index: number) => string),
  host: EditHost,
): boolean {
  const r = applyWalkAction(stops, action);
  if (r.refused) {
    host.notice(translate(lang, REFUSAL_MESSAGE[r.refused], { max: REFUSAL_MAX[r.refused] }));
    // The field still shows what was typed: put back the stay that stands.
    const field = r.index === null ? null : document.getElementById(`tour-dwell-${r.index}`);
    if (field instanceof HTMLInputElement) field.value = String(r.stops[r.index as number]?.dwell_min ?? '');
    return false;
  }
  host.set({ tourStops: r.stops, tourRoute: null });
  // The store re-renders synchronously; the new controls exist now. A disabled target (first "up")
  // cannot take focus, so fall back to the stop's dwell field.
  const id = typeof focus === 'string' ? focus : r.index === null ? 'tour-add-select' : focus(r.index);
  const el = document.getElementById(id) as HTMLButtonElement | null;
  if (el && !el.disabled) el.focus();
  else document.getElementById(r.index === null ? 'tour-add-select' : `tour-dwell-${r.index}`)?.focus();
  return true;
}
