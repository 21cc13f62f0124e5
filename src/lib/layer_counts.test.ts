import { describe, expect, it } from 'vitest';
import type { MapFeature, Status } from './feature';
import { layerCounts } from './layer_counts';

const f = (category: 'park' | 'youth_housing', status: Status): MapFeature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [103.8, 36.05] },
  properties: {
    id: `${category}-${status}-${Math.random()}`,
    category,
    name_zh: '测试',
    name_en: 'Test',
    district: '620102',
    status,
    source: { title: 'test' },
    accuracy_m: 10,
  },
});

describe('layerCounts', () => {
  it('counts only what the status filter shows, and says how many it hides', () => {
    const features = [f('park', 'existing'), f('park', 'planned'), f('youth_housing', 'planned')];
    expect(layerCounts(features, ['existing'])).toEqual({
      park: { shown: 1, hidden: 1 },
      youth_housing: { shown: 0, hidden: 1 },
    });
    expect(layerCounts(features, ['existing', 'planned', 'under_construction'])).toEqual({
      park: { shown: 2, hidden: 0 },
      youth_housing: { shown: 1, hidden: 0 },
    });
    expect(layerCounts([], ['existing'])).toEqual({});
  });
});
