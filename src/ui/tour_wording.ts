// Wording of the walk checks: why an edit of the user's walk was refused, and the warnings of a scheduled walk.

import { type Lang, type MessageKey, type Params, translate } from '../lib/i18n';
import { formatDistance } from '../lib/tour/format';
import { MAX_DWELL_MIN } from '../lib/tour/routes';
import { MAX_WALK_STOPS } from '../lib/tour/tour_state';
import type { WalkRefusal } from '../lib/tour/walk_builder';
import { LONG_LEG_M, LONG_WALK_M, type WalkWarning } from '../lib/tour/walk_checks';

/** The message of each refused walk edit, and the number it names. */
export const REFUSAL_MESSAGE: Record<WalkRefusal, MessageKey> = {
  full: 'tour.ui.add.full',
  repeat: 'tour.ui.add.repeat',
  adjacent: 'tour.ui.edit.adjacent',
  dwell: 'tour.ui.edit.dwell',
};
export const REFUSAL_MAX: Record<WalkRefusal, number> = {
  full: MAX_WALK_STOPS,
  repeat: 0,
  adjacent: 0,
  dwell: MAX_DWELL_MIN,
};

/** One sentence per walk warning (walk_checks.ts), with the thresholds it was checked against. */
export function warningText(lang: Lang, w: WalkWarning): string {
  const t = (k: MessageKey, p?: Params) => translate(lang, k, p);
  switch (w.kind) {
    case 'past_start':
      return t('tour.warn.past_start');
    case 'long_walk':
      return t('tour.warn.long_walk', {
        dist: formatDistance(lang, w.metres),
        min: w.minutes,
        max: formatDistance(lang, LONG_WALK_M),
      });
    case 'long_leg':
      return t('tour.warn.long_leg', {
        from: w.leg + 1,
        to: w.leg + 2,
        dist: formatDistance(lang, w.metres),
        min: w.minutes,
        max: formatDistance(lang, LONG_LEG_M),
      });
  }
}
