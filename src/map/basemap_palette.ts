// Pure: the colours of our own basemap (the offline style; 天地图's background), by theme.

import type { BasemapTheme } from './basemap_style';

/** One theme's colours (CSS hex). */
export interface Palette {
  background: string;
  districtFill: string;
  districtLine: string;
  water: string;
  waterLine: string;
  park: string;
  building: string;
  buildingLine: string;
  roadMajor: string;
  roadMajorCasing: string;
  roadMinor: string;
  path: string;
  text: string;
  textMuted: string;
  halo: string;
  districtText: string;
}

/** Day and night colours. */
export const PALETTES: Record<BasemapTheme, Palette> = {
  day: {
    background: '#f4f1ea',
    districtFill: '#ece6d8',
    districtLine: '#8c7aa0',
    water: '#a8cbe6',
    waterLine: '#7fb0d8',
    park: '#d3e7c4',
    building: '#ddd6cb',
    buildingLine: '#cbc2b4',
    roadMajor: '#ffffff',
    roadMajorCasing: '#d6cbb9',
    roadMinor: '#ffffff',
    path: '#b3a792',
    text: '#33312c',
    textMuted: '#6b665c',
    halo: '#ffffff',
    districtText: '#5a476e',
  },
  night: {
    background: '#0f141e',
    districtFill: '#151c29',
    districtLine: '#7f89b0',
    water: '#1b3150',
    waterLine: '#27466e',
    park: '#15261c',
    building: '#1e2532',
    buildingLine: '#2a3342',
    roadMajor: '#4a5365',
    roadMajorCasing: '#0b0f17',
    roadMinor: '#313949',
    path: '#4c5566',
    text: '#dde2ee',
    textMuted: '#a3abbd',
    halo: '#0b0f17',
    districtText: '#c3b8de',
  },
};
