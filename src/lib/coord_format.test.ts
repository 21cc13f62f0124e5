import { describe, expect, it } from 'vitest';
import { formatCoord } from './coord_format';
import { defaultState, parseHash, toHash } from './url_state';

describe('formatCoord', () => {
  it('shows a place the same before and after a reload of its link', () => {
    const state = { ...defaultState('zh'), origin: [103.8236149, 36.0577149] as [number, number] };
    const shownBefore = state.origin.map(formatCoord);
    const reloaded = parseHash(toHash(state), defaultState('zh'));
    expect(reloaded.origin?.map(formatCoord)).toEqual(shownBefore);
    expect(shownBefore).toEqual(['103.823615', '36.057715']);
  });
});
