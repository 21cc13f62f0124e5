import { afterEach, describe, expect, it, vi } from 'vitest';
import { CoverageClient, type CoverageWorkerLike, inProcessWorker } from './client';
import type { AnalyseResult, CoverageProgress, CoverageRequest, FacilityInput } from './protocol';
import { CoverageSession } from './session';
import { randomPoints, SMALL_DISTRICTS } from './test_support';

const facilities: FacilityInput[] = randomPoints(1, 2, 'fit').map((p) => ({
  ...p,
  category: 'fitness_site',
  status: 'existing',
  name_zh: '场地',
  name_en: 'Site',
  district: '620102',
}));
const init = {
  type: 'init' as const,
  facilities,
  districts: SMALL_DISTRICTS,
  graphUrl: null,
  speedMPerMin: 80,
  detourFactor: 1.3,
};
const analyse = {
  type: 'analyse' as const,
  settings: {
    grid: { kind: 'square' as const, sizeM: 100 },
    districts: ['620102', '620103'],
    planned: false,
    sites: [],
    category: 'fitness_site' as const,
    bands: [5, 10, 15],
    youthShare: null,
  },
};

/** A worker double running the real session, cloning messages both ways like a worker boundary. */
class SessionWorker implements CoverageWorkerLike {
  onmessage: CoverageWorkerLike['onmessage'] = null;
  onerror: CoverageWorkerLike['onerror'] = null;
  received: CoverageRequest[] = [];
  terminated = false;
  private readonly session = new CoverageSession();
  constructor(private readonly crashOn?: CoverageRequest['type']) {}
  postMessage(message: CoverageRequest): void {
    const copy = structuredClone(message);
    this.received.push(copy);
    setTimeout(() => {
      if (this.terminated) return;
      if (copy.type === this.crashOn) {
        this.onerror?.({ message: 'RangeError: out of memory' });
        return;
      }
      void this.session.handle(copy, (reply) => {
        if (!this.terminated) this.onmessage?.({ data: structuredClone(reply) });
      });
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

afterEach(() => vi.unstubAllGlobals());

describe('CoverageClient', () => {
  it('runs requests in the worker and relays progress', async () => {
    const worker = new SessionWorker();
    const client = new CoverageClient({ createWorker: () => worker });
    expect((await client.request(init).outcome).kind).toBe('result');
    const seen: CoverageProgress[] = [];
    const out = await client.request(analyse, (p) => seen.push(p)).outcome;
    expect(out.kind).toBe('result');
    if (out.kind === 'result') expect((out.result as AnalyseResult).cellCount).toBeGreaterThan(100);
    expect(seen.map((p) => p.phase)).toContain('coverage');
    client.dispose();
    expect(worker.terminated).toBe(true);
  });

  it('cancels on request', async () => {
    const client = new CoverageClient({ createWorker: () => new SessionWorker() });
    await client.request(init).outcome;
    const r = client.request(analyse);
    client.cancel(r.id);
    expect((await r.outcome).kind).toBe('cancelled');
  });

  it('fails pending requests when the worker crashes, then restarts it with the last init', async () => {
    const workers: SessionWorker[] = [];
    const client = new CoverageClient({
      createWorker: () => {
        const w = new SessionWorker(workers.length === 0 ? 'analyse' : undefined);
        workers.push(w);
        return w;
      },
    });
    await client.request(init).outcome;
    const crashed = await client.request(analyse).outcome;
    expect(crashed).toEqual({ kind: 'error', message: 'RangeError: out of memory' });
    expect(workers[0]!.terminated).toBe(true);
    const again = await client.request(analyse).outcome;
    expect(again.kind).toBe('result');
    expect(workers).toHaveLength(2);
    expect(workers[1]!.received.map((m) => m.type)).toEqual(['init', 'analyse']);
  });

  it('replays the population in use to a replacement worker, after init', async () => {
    const workers: SessionWorker[] = [];
    const client = new CoverageClient({
      createWorker: () => {
        const w = new SessionWorker(workers.length < 2 ? 'analyse' : undefined);
        workers.push(w);
        return w;
      },
    });
    const csv = (rows: string) => new File([`lon,lat,pop\n${rows}`], 'pop.csv');
    const good = csv('103.80,36.05,100\n103.81,36.06,50\n');
    await client.request(init).outcome;
    const loaded = await client.request({ type: 'population', bytes: good, name: 'pop.csv' }).outcome;
    expect(loaded).toMatchObject({ kind: 'result', result: { accepted: 2 } });
    // A file without usable points leaves the worker's population as it was, so it is not replayed.
    const bad = await client.request({ type: 'population', bytes: csv('1,2,3\n'), name: 'far.csv' }).outcome;
    expect(bad).toMatchObject({ kind: 'result', result: { accepted: 0 } });
    expect((await client.request(analyse).outcome).kind).toBe('error');

    // The next request starts a worker that gets init, then the population, then the request.
    const out = await client.request(analyse).outcome;
    expect(workers).toHaveLength(2);
    expect(workers[1]!.received.map((m) => m.type)).toEqual(['init', 'population', 'analyse']);
    const replayed = workers[1]!.received[1] as Extract<CoverageRequest, { type: 'population' }>;
    expect(replayed.name).toBe('pop.csv');
    expect(await (replayed.bytes as Blob).text()).toBe(await good.text());
    // ... and analyses by it (here the second worker crashes on analyse too: an error, as before).
    expect(out.kind).toBe('error');

    // An init that starts a worker is followed by the population too.
    expect((await client.request(init).outcome).kind).toBe('result');
    expect(workers[2]!.received.map((m) => m.type)).toEqual(['init', 'population']);
    const r = await client.request(analyse).outcome;
    expect(r).toMatchObject({
      kind: 'result',
      result: { basis: 'population', population: { name: 'pop.csv' } },
    });
    expect((r as { result: AnalyseResult }).result.population?.inside).toBe(150);
  });

  it('does not replay a population that was removed', async () => {
    const workers: SessionWorker[] = [];
    const client = new CoverageClient({
      createWorker: () => {
        const w = new SessionWorker(workers.length === 0 ? 'analyse' : undefined);
        workers.push(w);
        return w;
      },
    });
    await client.request(init).outcome;
    const file = new File(['lon,lat,pop\n103.80,36.05,100\n'], 'pop.csv');
    await client.request({ type: 'population', bytes: file, name: 'pop.csv' }).outcome;
    await client.request({ type: 'population', bytes: null, name: '' }).outcome;
    expect((await client.request(analyse).outcome).kind).toBe('error');
    const r = await client.request(analyse).outcome;
    expect(workers[1]!.received.map((m) => m.type)).toEqual(['init', 'analyse']);
    expect(r).toMatchObject({ kind: 'result', result: { basis: 'area', population: null } });
  });

  it('falls back to the main thread when the worker cannot start, resending what it held', async () => {
    class BlockedWorker {
      onerror: ((e: { message?: string }) => void) | null = null;
      onmessage = null;
      constructor() {
        setTimeout(() => this.onerror?.({ message: 'blocked by CSP' }), 0);
      }
      postMessage() {}
      terminate() {}
    }
    vi.stubGlobal('Worker', BlockedWorker);
    const client = new CoverageClient({ fallback: inProcessWorker });
    const i = client.request(init);
    const a = client.request(analyse);
    expect((await i.outcome).kind).toBe('result');
    expect((await a.outcome).kind).toBe('result');
  });

  it('works without any Worker (Node): the session runs in-process', async () => {
    const client = new CoverageClient();
    await client.request(init).outcome;
    const out = await client.request({ type: 'export', what: 'districts', lang: 'en' }).outcome;
    // No analysis yet: an error outcome, not a rejection.
    expect(out).toMatchObject({ kind: 'error' });
  });
});
