// Benchmark baseline page: a bare maplibre map drawing a style handed in by the bench (the app's own
// composed style, captured from the app) at the app's view; nothing else of the app loads.

import 'maplibre-gl/dist/maplibre-gl.css';
import { addProtocol, Map as MlMap, type StyleSpecification, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { Protocol } from 'pmtiles';

interface BenchView {
  style: StyleSpecification;
  center: [number, number];
  zoom: number;
}

const view = (window as unknown as { __benchView: BenchView }).__benchView;
// Set up as the app does (src/map/map_view.ts).
setWorkerUrl(workerUrl);
addProtocol('pmtiles', new Protocol().tile);
const map = new MlMap({
  container: 'map',
  style: view.style,
  center: view.center,
  zoom: view.zoom,
  attributionControl: { compact: false },
});
(window as unknown as { __lym: { map: MlMap } }).__lym = { map };
