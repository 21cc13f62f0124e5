// Benchmark: coverage on a street network fetched in tiles (mocked Overpass, instant) vs the same analysis on the estimate.

import { CoverageNetworkLoader, type CoverageRequester } from '../src/lib/coverage/network_loader.ts';
import { latticeTile, type NetworkTile } from '../src/lib/coverage/network_tiles.ts';
import type {
  AnalyseResult,
  AnalyseSettings,
  CoverageReply,
  CoverageRequest,
  FacilityInput,
} from '../src/lib/coverage/protocol.ts';
import { CoverageSession } from '../src/lib/coverage/session.ts';
import { memoryAreaCache } from '../src/lib/walk/online/cache.ts';
import { rng } from '../src/lib/walk/test_support.ts';
import { fmt, isMain, machineNote } from './walk_synthetic.ts';

const TILE_M = 3_000;
/** Tiles per side: 3 × 3 tiles of 3 km, a 9 km square. */
const SIDE = 3;
/** Street spacing, metres (a dense grid: ~50,000 nodes over the 81 km²). */
const SPACING_M = 40;

/** An invented street grid over the tiles, as per-tile Overpass answers (ways meeting the bbox, whole). */
function tileAnswers(tiles: NetworkTile[]): Map<string, Uint8Array> {
  const [w, s] = (tiles[0] as NetworkTile).bbox;
  const e = Math.max(...tiles.map((t) => t.bbox[2]));
  const n = Math.max(...tiles.map((t) => t.bbox[3]));
  const dLat = SPACING_M / 111_195;
  const dLon = SPACING_M / (111_195 * Math.cos((36.1 * Math.PI) / 180));
  const cols = Math.floor((e - w) / dLon);
  const rows = Math.floor((n - s) / dLat);
  const id = (i: number, j: number) => 1 + j * (cols + 1) + i;
  const lon = (i: number) => w + dLon * (i + 0.5);
  const lat = (j: number) => s + dLat * (j + 0.5);
  // Each street a row or column split into 10-block ways, so ways cross tile edges as real ones do.
  const ways: { id: number; nodes: number[]; tags: Record<string, string> }[] = [];
  for (let j = 0; j <= rows; j++)
    for (let i0 = 0; i0 < cols; i0 += 10)
      ways.push({
        id: ways.length + 1,
        nodes: Array.from({ length: Math.min(10, cols - i0) + 1 }, (_, k) => id(i0 + k, j)),
        tags: { highway: j % 5 === 0 ? 'residential' : 'footway' },
      });
  for (let i = 0; i <= cols; i++)
    for (let j0 = 0; j0 < rows; j0 += 10)
      ways.push({
        id: ways.length + 1,
        nodes: Array.from({ length: Math.min(10, rows - j0) + 1 }, (_, k) => id(i, j0 + k)),
        tags: { highway: i % 5 === 0 ? 'residential' : 'footway' },
      });
  const pos = (nid: number) => {
    const k = nid - 1;
    return { lon: lon(k % (cols + 1)), lat: lat(Math.floor(k / (cols + 1))) };
  };
  const out = new Map<string, Uint8Array>();
  for (const t of tiles) {
    const [tw, ts, te, tn] = t.bbox;
    const inTile = (p: { lon: number; lat: number }) =>
      p.lon >= tw && p.lon <= te && p.lat >= ts && p.lat <= tn;
    const mine = ways.filter((wy) => wy.nodes.some((nid) => inTile(pos(nid))));
    const ids = new Set(mine.flatMap((wy) => wy.nodes));
    const elements = [
      ...[...ids].map((nid) => ({ type: 'node', id: nid, ...pos(nid) })),
      ...mine.map((wy) => ({ type: 'way', ...wy })),
    ];
    out.set(t.key, new TextEncoder().encode(JSON.stringify({ elements })));
  }
  return out;
}

/** The session on this thread, asked as CoverageClient asks the worker (messages cloned). */
function requester(session: CoverageSession): CoverageRequester {
  let next = 1;
  return ((req: Omit<CoverageRequest, 'id'>) => {
    const id = next++;
    const outcome = new Promise((resolve) => {
      void session.handle(structuredClone({ ...req, id }), (reply: CoverageReply) => {
        if (reply.type === 'result') resolve({ kind: 'result', result: structuredClone(reply.result) });
        else if (reply.type !== 'progress') resolve({ kind: reply.type === 'error' ? 'error' : 'cancelled' });
      });
    });
    return { id, outcome };
  }) as CoverageRequester;
}

/** Runs the benchmark and prints a report; returns the key numbers. */
export async function runCoverageNetworkBench(): Promise<Record<string, number>> {
  // Lattice steps in degrees are tile (1, 1)'s west and south edges; start near Lanzhou (103.75, 36.03).
  const step = latticeTile(1, 1, TILE_M).bbox;
  const ix0 = Math.floor(103.75 / step[0]);
  const iy0 = Math.floor(36.03 / step[1]);
  const tiles: NetworkTile[] = [];
  for (let j = 0; j < SIDE; j++)
    for (let i = 0; i < SIDE; i++) tiles.push(latticeTile(ix0 + i, iy0 + j, TILE_M));
  const answers = tileAnswers(tiles);
  const [w, s] = (tiles[0] as NetworkTile).bbox;
  const [, , e, n] = (tiles[tiles.length - 1] as NetworkTile).bbox;
  const districts = {
    type: 'FeatureCollection' as const,
    features: [
      {
        properties: { district: '620102' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [w, s],
              [e, s],
              [e, n],
              [w, n],
              [w, s],
            ],
          ],
        },
      },
    ],
  };
  const r = rng(3);
  const facilities: FacilityInput[] = Array.from({ length: 120 }, (_, k) => ({
    id: `f${k}`,
    category: 'fitness_site',
    status: 'existing',
    lon: w + r() * (e - w),
    lat: s + r() * (n - s),
    name_zh: `设施${k}`,
    name_en: `Facility ${k}`,
    district: '620102',
  }));
  const settings: AnalyseSettings = {
    grid: { kind: 'square', sizeM: 250 },
    districts: ['620102'],
    planned: false,
    sites: [],
    category: 'fitness_site',
    bands: [5, 10, 15],
    youthShare: null,
  };
  const init = {
    type: 'init' as const,
    facilities,
    districts,
    graphUrl: null,
    speedMPerMin: 80,
    detourFactor: 1.3,
  };

  // Baseline in the same process: the analysis on the estimate (what the app shows until the network is in).
  const estSession = new CoverageSession({ yieldNow: () => Promise.resolve() });
  const ask = requester(estSession);
  await ask(init).outcome;
  const t0 = performance.now();
  const est = await ask({ type: 'analyse', settings }).outcome;
  const estimateMs = performance.now() - t0;

  const session = new CoverageSession({ yieldNow: () => Promise.resolve() });
  const ask2 = requester(session);
  await ask2(init).outcome;
  let networkAt = 0;
  let graphNodes = 0;
  const t1 = performance.now();
  await new Promise<void>((resolve) => {
    const loader = new CoverageNetworkLoader({
      endpoint: 'https://overpass.example/api/interpreter',
      request: ask2,
      cache: memoryAreaCache({ maxBytes: 512 * 2 ** 20 }),
      isOnline: () => true,
      fetch: async (_url, init) => {
        const q = init.body.get('data') ?? '';
        const t = tiles.find((x) => q.includes(`${x.bbox[1].toFixed(6)},${x.bbox[0].toFixed(6)}`));
        return new Response((answers.get(t?.key ?? '') as BodyInit | undefined) ?? '{}', { status: 200 });
      },
      onChange: () => undefined,
      onNetwork: (result) => {
        graphNodes = result.nodes;
        networkAt = performance.now();
        resolve();
      },
    });
    loader.load('bench', () => ({ tiles, needed: tiles.length, leftOut: [] }));
  });
  const net = await ask2({ type: 'analyse', settings }).outcome;
  const networkMs = performance.now() - t1;
  const cells = (net.kind === 'result' && (net.result as AnalyseResult).cellCount) || 0;
  const bytes = [...answers.values()].reduce((a, b) => a + b.byteLength, 0);
  console.log('\n## Coverage on a tiled street network (mocked Overpass, instant answers)\n');
  console.log(machineNote());
  console.log(
    `${tiles.length} tiles of ${TILE_M / 1000} km, ${fmt(bytes / 2 ** 20, 1)} MB of answers, ${fmt(graphNodes)} graph nodes, ${fmt(cells)} cells; ` +
      `estimate analysis ${fmt(estimateMs)} ms; read + join + build ${fmt(networkAt - t1)} ms, then analysis ` +
      `${fmt(performance.now() - networkAt)} ms; total ${fmt(networkMs)} ms = ${fmt(networkMs / estimateMs, 1)}× the estimate` +
      `${est.kind === 'result' ? '' : ' (estimate failed)'}`,
  );
  return { tiles: tiles.length, estimateMs, networkMs, ratio: networkMs / estimateMs };
}

if (isMain(import.meta.url)) await runCoverageNetworkBench();
