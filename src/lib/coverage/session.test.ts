import { writeArrayBuffer } from 'geotiff';
import { describe, expect, it } from 'vitest';
import { EstimateWalkEngine } from '../walk/estimate_engine';
import { buildWalkGraph } from '../walk/graph';
import { serializeWalkGraph } from '../walk/graph_binary';
import { computeLayer } from './compute';
import { prepareCoverage } from './context';
import { buildGrid, cellAt, districtShapes } from './grid';
import { geotiffReader, lazyGeotiffReader } from './population_geotiff';
import type {
  AnalyseResult,
  AnalyseSettings,
  CoverageReply,
  CoverageRequestBody,
  ExportResult,
  InitResult,
  MarginalResult,
  PopulationSummary,
} from './protocol';
import { CoverageSession } from './session';
import { randomPoints, SESSION_FACILITIES, SMALL_DISTRICTS, streetExtract } from './test_support';
import { writeTestTiff } from './tiff_test_support';
import { sitePoint } from './whatif';

const settings = (over: Partial<AnalyseSettings> = {}): AnalyseSettings => ({
  grid: { kind: 'square', sizeM: 80 },
  districts: ['620102', '620103'],
  planned: false,
  sites: [],
  category: 'fitness_site',
  bands: [5, 10, 15],
  youthShare: null,
  ...over,
});

/** Runs requests through a session as a worker would (messages cloned both ways). */
function harness(env: ConstructorParameters<typeof CoverageSession>[0] = {}) {
  const session = new CoverageSession({ yieldNow: () => Promise.resolve(), ...env });
  const replies: CoverageReply[] = [];
  let next = 1;
  const send = (req: CoverageRequestBody | { type: 'cancel'; id: number }) => {
    const id = 'id' in req ? req.id : next++;
    const done = session.handle(structuredClone({ ...req, id }), (r) => replies.push(structuredClone(r)));
    return { id, done };
  };
  const ask = async <T>(req: CoverageRequestBody): Promise<T> => {
    const { id, done } = send(req);
    await done;
    const last = replies.filter((r) => r.id === id && r.type !== 'progress').at(-1);
    if (last?.type === 'result') return last.result as T;
    throw new Error(`no result: ${JSON.stringify(last)}`);
  };
  return { session, replies, send, ask };
}

const init = {
  type: 'init',
  facilities: SESSION_FACILITIES,
  districts: SMALL_DISTRICTS,
  graphUrl: null,
  speedMPerMin: 80,
  detourFactor: 1.3,
} as const;

describe('CoverageSession', () => {
  it('answers an analysis with times equal to computeLayer, sending the grid once', async () => {
    const h = harness();
    const ir = await h.ask<InitResult>(init);
    expect(ir).toEqual({ method: 'estimate', graphIssue: null, facilities: 5 });
    const r = await h.ask<AnalyseResult>({ type: 'analyse', settings: settings() });
    expect(r.grid).not.toBeNull();
    expect(r.method).toBe('estimate');
    expect(r.basis).toBe('area');
    expect(r.baseTable).toBeNull();
    expect(r.categories).not.toContain('youth_housing');
    const grid = buildGrid(districtShapes(SMALL_DISTRICTS), ['620102', '620103'], {
      kind: 'square',
      sizeM: 80,
    });
    expect(r.grid!.ids).toEqual(grid.ids);
    const ctx = prepareCoverage(new EstimateWalkEngine(), grid, 15);
    const want = computeLayer(
      ctx,
      SESSION_FACILITIES.filter((f) => f.category === 'fitness_site' && f.status === 'existing'),
    );
    const k = r.categories.indexOf('fitness_site');
    expect([...r.minutes[k]!]).toEqual([...want.minutes]);
    expect(r.facilityCounts[k]).toEqual({ category: 'fitness_site', counted: 2, unsnapped: 0 });
    // Categories nothing is mapped for: all unreachable, nothing covered.
    const park = r.categories.indexOf('youth_park');
    expect(r.reach[park]!.every((x) => x === 0)).toBe(true);
    expect(r.scores).toHaveLength(2);
    expect(r.scores[0]!.missing).toContain('youth_park');
    expect(r.clusters.length).toBeGreaterThan(0);
    // Progress came before the result.
    expect(h.replies.some((x) => x.type === 'progress' && x.progress.phase === 'coverage')).toBe(true);
    const again = await h.ask<AnalyseResult>({ type: 'analyse', settings: settings({ planned: true }) });
    expect(again.grid).toBeNull();
    expect(again.facilityCounts[k]!.counted).toBe(3);
  });

  it('applies what-if sites incrementally to what a full recompute gives, and back', async () => {
    const h = harness();
    await h.ask(init);
    const base = await h.ask<AnalyseResult>({ type: 'analyse', settings: settings() });
    const sites = randomPoints(40, 3).map((p) => ({
      category: 'fitness_site' as const,
      lon: p.lon,
      lat: p.lat,
    }));
    const grid = buildGrid(districtShapes(SMALL_DISTRICTS), ['620102', '620103'], {
      kind: 'square',
      sizeM: 80,
    });
    const ctx = prepareCoverage(new EstimateWalkEngine(), grid, 15);
    const existing = SESSION_FACILITIES.filter(
      (f) => f.category === 'fitness_site' && f.status === 'existing',
    );
    const k = base.categories.indexOf('fitness_site');
    for (let n = 1; n <= 3; n++) {
      const r = await h.ask<AnalyseResult>({
        type: 'analyse',
        settings: settings({ sites: sites.slice(0, n) }),
      });
      const want = computeLayer(ctx, [...existing, ...sites.slice(0, n).map(sitePoint)]);
      r.minutes[k]!.forEach((m, c) => {
        expect(Math.abs(m - want.minutes[c]!) < 1e-5 || m === want.minutes[c]).toBe(true);
      });
      expect(r.baseTable).not.toBeNull();
      expect(r.timings.coverage).toBeUndefined();
      expect(r.timings.whatif).toBeGreaterThanOrEqual(0);
      // The table under the scenario equals tabulating the recomputed layer.
      const covered = r.table.coveredArea;
      const city15 = covered[(k * 2 + 0) * 3 + 2]! + covered[(k * 2 + 1) * 3 + 2]!;
      let want15 = 0;
      want.minutes.forEach((m, c) => {
        if (m <= 15) want15 += grid.areaM2[c]!;
      });
      expect(city15).toBeCloseTo(want15, 3);
    }
    const back = await h.ask<AnalyseResult>({ type: 'analyse', settings: settings() });
    expect([...back.minutes[k]!]).toEqual([...base.minutes[k]!]);
    expect(back.baseTable).toBeNull();
  });

  it('cancels an analysis that a newer one supersedes, and on request', async () => {
    const h = harness({ yieldNow: () => new Promise((r) => setTimeout(r, 0)) });
    await h.ask(init);
    const a = h.send({ type: 'analyse', settings: settings() });
    const b = h.send({ type: 'analyse', settings: settings({ planned: true }) });
    await Promise.all([a.done, b.done]);
    expect(h.replies.find((r) => r.id === a.id && r.type !== 'progress')?.type).toBe('cancelled');
    expect(h.replies.find((r) => r.id === b.id && r.type !== 'progress')?.type).toBe('result');
    const c = h.send({ type: 'analyse', settings: settings({ grid: { kind: 'square', sizeM: 100 } }) });
    h.send({ type: 'cancel', id: c.id });
    await c.done;
    expect(h.replies.find((r) => r.id === c.id && r.type !== 'progress')?.type).toBe('cancelled');
  });

  it('loads population (then reports by population), computes marginal contributions and exports', async () => {
    const h = harness();
    await h.ask(init);
    await h.ask<AnalyseResult>({ type: 'analyse', settings: settings() });
    const csv = 'lon,lat,pop\n103.80,36.05,100\n103.81,36.06,50\n104.5,36.9,7\n';
    // The page sends the File itself (a Blob); bytes are still accepted.
    const summary = await h.ask<PopulationSummary>({
      type: 'population',
      bytes: new File([csv], 'p.csv'),
      name: 'p.csv',
    });
    expect(summary).toMatchObject({ accepted: 3, total: 157, inside: 150, outside: 7 });
    const asBytes = await h.ask<PopulationSummary>({
      type: 'population',
      bytes: new TextEncoder().encode(csv).buffer,
      name: 'p.csv',
    });
    expect(asBytes).toEqual(summary);
    const r = await h.ask<AnalyseResult>({ type: 'analyse', settings: settings({ youthShare: 0.3 }) });
    expect(r.basis).toBe('population');
    expect(r.population?.inside).toBe(150);
    expect(r.youthShare).toBe(0.3);
    expect(r.table.pop).not.toBeNull();
    const bad = await h.ask<PopulationSummary>({
      type: 'population',
      bytes: new Blob(['a,b\n1,2\n']),
      name: 'x.csv',
    });
    expect(bad.issues[0]!.key).toBe('plan.cov.pop.err.columns');
    // A bad file keeps what was loaded.
    expect((await h.ask<AnalyseResult>({ type: 'analyse', settings: settings() })).basis).toBe('population');
    const tif = await h.ask<PopulationSummary>({
      type: 'population',
      bytes: new Blob([new Uint8Array([0x49, 0x49, 0x2a, 0])]),
      name: 'p.tif',
    });
    expect(tif.issues[0]!.key).toBe('plan.cov.pop.err.geotiff_missing');

    const m = await h.ask<MarginalResult>({ type: 'marginal', category: 'fitness_site' });
    expect(m.rows.map((x) => x.id).sort()).toEqual(['fit0', 'fit1']);
    expect(m.rows[0]!.lostPop).not.toBeNull();

    const cells = await h.ask<ExportResult>({ type: 'export', what: 'cells', lang: 'zh' });
    expect(cells.filename).toMatch(/\.geojson$/);
    expect(JSON.parse(cells.text).features).toHaveLength(r.cellCount);
    const table = await h.ask<ExportResult>({ type: 'export', what: 'districts', lang: 'zh' });
    expect(table.text.startsWith('\uFEFF区县')).toBe(true);
    const scores = await h.ask<ExportResult>({ type: 'export', what: 'scores', lang: 'en' });
    expect(scores.text.split('\r\n')).toHaveLength(3);

    await h.ask<PopulationSummary>({ type: 'population', bytes: null, name: '' });
    expect((await h.ask<AnalyseResult>({ type: 'analyse', settings: settings() })).basis).toBe('area');
  });

  it('takes a real GeoTIFF population through geotiff.js, loaded on first use, and keeps it over a broken one', async () => {
    // 10 × 8 pixels of 0.004° over the fixture districts and around them; WorldPop's no-data value.
    const width = 10;
    const height = 8;
    const west = 103.78;
    const north = 36.07;
    const size = 0.004;
    const values = Float32Array.from({ length: width * height }, (_, k) =>
      k % 11 === 0 ? -99999 : ((k * 37) % 23) + 0.5,
    );
    const tiff = writeArrayBuffer(values, {
      width,
      height,
      ModelPixelScale: [size, size, 0],
      ModelTiepoint: [0, 0, 0, west, north, 0],
      GDAL_NODATA: '-99999',
      GTModelTypeGeoKey: 2,
      GeographicTypeGeoKey: 4326,
      GTRasterTypeGeoKey: 1,
    });
    // What the raster says: its pixel centres, and which of them fall in the grid's cells.
    const grid = buildGrid(districtShapes(SMALL_DISTRICTS), ['620102', '620103'], {
      kind: 'square',
      sizeM: 80,
    });
    let total = 0;
    let inside = 0;
    let pixels = 0;
    for (let j = 0; j < height; j++)
      for (let i = 0; i < width; i++) {
        const v = values[j * width + i]!;
        if (v === -99999) continue;
        pixels++;
        total += v;
        if (cellAt(grid, west + (i + 0.5) * size, north - (j + 0.5) * size) >= 0) inside += v;
      }
    expect(inside).toBeGreaterThan(0);
    expect(inside).toBeLessThan(total);

    let loads = 0;
    const h = harness({
      geotiff: lazyGeotiffReader(async () => {
        loads++;
        return import('geotiff');
      }),
    });
    await h.ask(init);
    await h.ask<AnalyseResult>({ type: 'analyse', settings: settings() });
    expect(loads).toBe(0);
    const summary = await h.ask<PopulationSummary>({
      type: 'population',
      bytes: new File([tiff], 'worldpop.tif'),
      name: 'worldpop.tif',
    });
    expect(loads).toBe(1);
    expect(summary.issues).toEqual([]);
    expect(summary.accepted).toBe(pixels);
    expect(summary.total).toBeCloseTo(total, 6);
    expect(summary.inside).toBeCloseTo(inside, 6);
    expect(summary.outside).toBeCloseTo(total - inside, 6);
    const r = await h.ask<AnalyseResult>({ type: 'analyse', settings: settings() });
    expect(r.basis).toBe('population');
    expect(r.population?.inside).toBeCloseTo(inside, 6);
    expect(r.table.pop!.reduce((a, b) => a + b, 0)).toBeCloseTo(inside, 6);

    const broken = await h.ask<PopulationSummary>({
      type: 'population',
      bytes: new Blob([new Uint8Array([0x49, 0x49, 0x2a, 0, 0xff, 0xff, 0xff, 0x7f])]),
      name: 'broken.tif',
    });
    expect(broken.issues[0]).toMatchObject({ severity: 'error', key: 'plan.cov.pop.err.geotiff_read' });
    const after = await h.ask<AnalyseResult>({ type: 'analyse', settings: settings() });
    expect(after.basis).toBe('population');
    expect(after.population?.name).toBe('worldpop.tif');
    expect(after.population?.inside).toBeCloseTo(inside, 6);
    expect(loads).toBe(1);
  });

  it('reads a BigTIFF recognised by its first bytes when the name does not say', async () => {
    // A deflate BigTIFF with the floating-point predictor, named without an extension.
    const values = Array.from({ length: 8 * 6 }, (_, k) => (k % 7 === 0 ? -99999 : (k * 13) % 40));
    const file = new Blob([
      writeTestTiff({
        width: 8,
        height: 6,
        values,
        west: 103.78,
        north: 36.07,
        size: 0.004,
        noData: '-99999',
        compression: 8,
        predictor: 3,
        bigTiff: true,
      }),
    ]);
    const h = harness({ geotiff: geotiffReader(await import('geotiff')) });
    const s = await h.ask<PopulationSummary>({ type: 'population', bytes: file, name: 'lanzhou_pop' });
    expect(s.issues).toEqual([]);
    expect(s.accepted).toBe(values.filter((v) => v > 0).length);
    expect(s.total).toBe(values.filter((v) => v > 0).reduce((a, v) => a + v, 0));
  });

  it('loads a street graph when given, and falls back to the estimate when it cannot', async () => {
    const graph = buildWalkGraph(streetExtract(3)).graph;
    const bytes = serializeWalkGraph(graph);
    const ok = harness({ fetchBytes: async () => bytes.slice().buffer });
    const ir = await ok.ask<InitResult>({ ...init, graphUrl: 'graph.bin' });
    expect(ir.method).toBe('network');
    const r = await ok.ask<AnalyseResult>({ type: 'analyse', settings: settings() });
    expect(r.method).toBe('network');
    expect(r.grid!.cellMethod.some((m) => m === 0)).toBe(true);
    expect(r.grid!.cellMethod.some((m) => m === 1)).toBe(true);
    const broken = harness({ fetchBytes: async () => new ArrayBuffer(3) });
    const bad = await broken.ask<InitResult>({ ...init, graphUrl: 'graph.bin' });
    expect(bad.method).toBe('estimate');
    expect(bad.graphIssue).toMatch(/short|walking graph/);
  });

  it('reports errors instead of throwing, and ignores junk', async () => {
    const h = harness();
    const { id, done } = h.send({ type: 'analyse', settings: settings() });
    await done;
    expect(h.replies.find((r) => r.id === id)).toMatchObject({ type: 'error' });
    await h.session.handle({ type: 'nope', id: 1 }, () => {
      throw new Error('must not reply');
    });
    await h.session.handle(null, () => {
      throw new Error('must not reply');
    });
  });
});
