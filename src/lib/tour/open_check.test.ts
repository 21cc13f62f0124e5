import { describe, expect, it } from 'vitest';
import { fromLanzhouWallClock } from './lanzhou_time';
import { isOpenAt } from './open_check';
import { openingStatusAt } from './opening';

const opening = (v: string | undefined, at: Date) => openingStatusAt(v, at);
const at = (h: number, m = 0) => fromLanzhouWallClock(2026, 6, 20, h, m);

describe('isOpenAt', () => {
  it('needs published hours to be open for the whole stay', () => {
    const hours = 'Mo-Su 18:00-22:00';
    expect(isOpenAt(opening, hours, at(19), at(19, 40))).toBe(true);
    // Open on arrival but closing before the stay ends.
    expect(isOpenAt(opening, hours, at(21, 40), at(22, 10))).toBe(false);
    expect(isOpenAt(opening, hours, at(17), at(17, 20))).toBe(false);
    expect(isOpenAt(opening, hours, at(23), at(23, 20))).toBe(false);
  });
  it('never guesses unknown hours closed', () => {
    expect(isOpenAt(opening, undefined, at(3), at(4))).toBe(true);
    expect(isOpenAt(opening, 'not hours', at(3), at(4))).toBe(true);
    expect(isOpenAt(opening, '24/7', at(3), at(4))).toBe(true);
  });
});
