// Benchmark baseline page: a bare maplibre map drawing a style handed in by the bench (the app's own
// composed style, captured from the app) at the app's view; nothing else of the app loads.

import 'maplibre-gl/dist/maplibre-gl.css';
import { addProtocol, Map as MlMap, type StyleSpecification } from 'maplibre-gl';
import { Protocol } from 'pmtiles';

interface BenchView {
  style: StyleSpecification;
  center: [number, number];
  zoom: number;
}

const view = (window as unknown as { __benchView: BenchView }).__benchView;
addProtocol('pmtiles', new Protocol().tile);
const map = new MlMap({
  container: 'map',
  style: view.style,
  center: view.center,
  zoom: view.zoom,
  attributionControl: { compact: false },
});
(window as unknown as { __lym: { map: MlMap } }).__lym = { map };
