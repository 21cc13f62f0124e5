import { describe, expect, it } from 'vitest';
import { clusterCentre, clusterDistricts } from './cluster_text';

describe('clusterDistricts', () => {
  const across = {
    districts: [
      { adcode: '620103', share: 0.58 },
      { adcode: '620104', share: 0.3 },
      { adcode: '620105', share: 0.118 },
      { adcode: '620102', share: 0.002 },
    ],
  };
  it('names every district an area spans with its share, in both languages', () => {
    expect(clusterDistricts(across, 'zh')).toBe(
      '七里河区（58%）、西固区（30%）、安宁区（12%）、城关区（<1%）',
    );
    expect(clusterDistricts(across, 'en')).toBe('Qilihe (58%), Xigu (30%), Anning (12%), Chengguan (<1%)');
  });
  it('names a district alone without a share', () => {
    expect(clusterDistricts({ districts: [{ adcode: '620103', share: 1 }] }, 'zh')).toBe('七里河区');
    expect(clusterDistricts({ districts: [{ adcode: '620103', share: 1 }] }, 'en')).toBe('Qilihe');
  });
});

describe('clusterCentre', () => {
  it('gives lon, lat to 4 decimals', () => {
    expect(clusterCentre({ centre: [103.690512, 36.08449] })).toBe('103.6905, 36.0845');
  });
});
