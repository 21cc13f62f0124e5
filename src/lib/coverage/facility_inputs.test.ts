import { describe, expect, it } from 'vitest';
import type { CategoryId, Geometry, MapFeature } from '../feature';
import { facilityInputs } from './facility_inputs';

const feature = (id: string, category: CategoryId, geometry: Geometry, units?: number): MapFeature => ({
  type: 'Feature',
  geometry,
  properties: {
    id,
    category,
    name_zh: `名${id}`,
    name_en: `Name ${id}`,
    district: '620103',
    status: 'existing',
    source: { title: 'test' },
    accuracy_m: 10,
    ...(units !== undefined ? { units } : {}),
  },
});

describe('facilityInputs', () => {
  it('keeps the coverage categories and the apartments, each at the point a walk goes to', () => {
    const out = facilityInputs([
      feature('a', 'fitness_site', { type: 'Point', coordinates: [103.69, 36.08] }),
      feature('b', 'park', {
        type: 'Polygon',
        coordinates: [
          [
            [103.7, 36.1],
            [103.71, 36.1],
            [103.71, 36.11],
            [103.7, 36.1],
          ],
        ],
      }),
      feature('c', 'youth_housing', { type: 'Point', coordinates: [103.8, 36.05] }, 120),
      feature('d', 'district', { type: 'Point', coordinates: [103.8, 36.05] }),
    ]);
    expect(out.map((f) => f.id)).toEqual(['a', 'b', 'c']);
    expect(out[1]).toMatchObject({ lon: 103.7, lat: 36.1, category: 'park', name_en: 'Name b' });
    expect(out[2]?.units).toBe(120);
    expect(out[0]).not.toHaveProperty('units');
  });
});
