import { describe, expect, it } from 'vitest';
import { effectiveTheme } from './theme';

// 2024-06-21: sunset in Lanzhou is about 20:24 (UTC+8), i.e. 12:24 UTC.
const afternoon = new Date('2024-06-21T08:00:00Z'); // 16:00 in Lanzhou
const evening = new Date('2024-06-21T14:00:00Z'); // 22:00 in Lanzhou

describe('effectiveTheme', () => {
  it('follows the sun in Lanzhou while touring', () => {
    const day = effectiveTheme('auto', true, afternoon);
    expect(day.theme).toBe('day');
    expect(day.nextChange?.toISOString().slice(0, 13)).toBe('2024-06-21T12');
    expect(effectiveTheme('auto', true, evening).theme).toBe('night');
  });

  it('stays day on the other views unless the user chooses night', () => {
    expect(effectiveTheme('auto', false, evening)).toEqual({ theme: 'day', nextChange: null });
    expect(effectiveTheme('night', false, afternoon)).toEqual({ theme: 'night', nextChange: null });
    expect(effectiveTheme('day', true, evening)).toEqual({ theme: 'day', nextChange: null });
  });
});
