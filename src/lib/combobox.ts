// Keyboard and selection state of a combobox with a listbox popup (WAI-ARIA 1.2), as a pure reducer.

/** What the listbox shows. `active` is the option with visual focus (aria-activedescendant), −1 for none. */
export interface ComboState {
  open: boolean;
  active: number;
  count: number;
}

export type ComboEvent =
  /** New results for the text in the input. */
  | { type: 'results'; count: number }
  /** A key pressed in the input (KeyboardEvent.key); `hasText`: the input is not empty. */
  | { type: 'key'; key: string; hasText: boolean }
  /** The pointer moved over an option. */
  | { type: 'hover'; index: number }
  /** Focus left the combobox. */
  | { type: 'close' };

export type ComboEffect = { type: 'none' } | { type: 'pick'; index: number } | { type: 'clear' };

export interface ComboStep {
  state: ComboState;
  effect: ComboEffect;
  /** The key was used: the caller should preventDefault (otherwise the input keeps its usual editing keys). */
  handled: boolean;
}

export const COMBO_CLOSED: ComboState = { open: false, active: -1, count: 0 };

const NONE: ComboEffect = { type: 'none' };

/**
 * One step of the combobox. Keys (as in the WAI-ARIA APG "list autocomplete" pattern):
 * ArrowDown/ArrowUp open the list or move through it, wrapping; Home/End jump to the first/last option
 * only while an option is active (otherwise they move the caret, as in any text field); Enter picks the
 * active option, or the first when none is active; Escape closes an open list, else clears the text;
 * Tab closes without picking.
 */
export function comboReduce(s: ComboState, ev: ComboEvent): ComboStep {
  const step = (state: ComboState, handled = true, effect: ComboEffect = NONE): ComboStep => ({
    state,
    effect,
    handled,
  });
  switch (ev.type) {
    case 'results':
      return step({ open: ev.count > 0, active: -1, count: Math.max(0, ev.count) }, false);
    case 'hover':
      return s.open && ev.index >= 0 && ev.index < s.count
        ? step({ ...s, active: ev.index }, false)
        : step(s, false);
    case 'close':
      return step({ ...s, open: false, active: -1 }, false);
    case 'key':
      break;
  }
  const { count } = s;
  switch (ev.key) {
    case 'ArrowDown':
      if (count === 0) return step(s, false);
      if (!s.open) return step({ ...s, open: true, active: 0 });
      return step({ ...s, active: (s.active + 1) % count });
    case 'ArrowUp':
      if (count === 0) return step(s, false);
      if (!s.open) return step({ ...s, open: true, active: count - 1 });
      return step({ ...s, active: s.active <= 0 ? count - 1 : s.active - 1 });
    case 'Home':
    case 'End':
      if (!s.open || s.active < 0) return step(s, false);
      return step({ ...s, active: ev.key === 'Home' ? 0 : count - 1 });
    case 'Enter':
      if (!s.open || count === 0) return step(s, false);
      return step({ ...s, open: false, active: -1 }, true, { type: 'pick', index: Math.max(0, s.active) });
    case 'Escape':
      if (s.open) return step({ ...s, open: false, active: -1 });
      if (ev.hasText) return step(COMBO_CLOSED, true, { type: 'clear' });
      return step(s, false);
    case 'Tab':
      return step({ ...s, open: false, active: -1 }, false);
    default:
      return step(s, false);
  }
}
