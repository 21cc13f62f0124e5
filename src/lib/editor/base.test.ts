import { describe, expect, it } from 'vitest';
import { buildData } from '../../../scripts/lib/build_data';
import { editableFeatures } from './base';

describe('editableFeatures', () => {
  it('offers the places.csv rows of the shipped build, not the metro stations or lines of other files', () => {
    const built = buildData('data');
    const fc = JSON.parse(JSON.stringify({ ...built.features, files: built.files }));
    const ids = editableFeatures(fc).map((f) => f.properties.id);
    expect(ids).toEqual(built.files['places.csv']);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.some((id) => id.startsWith('osm-node-'))).toBe(false);
    expect(built.files['metro_stations.csv']?.length).toBe(27);
  });

  it('offers every feature of a build that does not say where its features came from', () => {
    const built = buildData('data');
    expect(editableFeatures(built.features)).toHaveLength(built.features.features.length);
  });
});
