import { describe, expect, it } from 'vitest';
import { FlightGroup } from './flight.ts';

const abortError = () => new Error('aborted');
const tick = () => new Promise((r) => setTimeout(r, 1));

describe('FlightGroup', () => {
  it('runs one job per key and gives every caller its result', async () => {
    const g = new FlightGroup<number>();
    let starts = 0;
    const job = async () => {
      starts++;
      await tick();
      return 42;
    };
    const all = await Promise.all([
      g.run('a', job, undefined, abortError),
      g.run('a', job, undefined, abortError),
    ]);
    expect(all).toEqual([42, 42]);
    expect(starts).toBe(1);
    expect(g.size).toBe(0);
    await g.run('a', job, undefined, abortError);
    expect(starts).toBe(2);
  });

  it('passes failures to every caller, including a synchronous throw', async () => {
    const g = new FlightGroup<number>();
    const job = () => {
      throw new Error('boom');
    };
    await expect(g.run('k', job, undefined, abortError)).rejects.toThrow('boom');
    expect(g.size).toBe(0);
  });

  it('aborts the job only when every caller has aborted', async () => {
    const g = new FlightGroup<string>();
    let jobSignal: AbortSignal | null = null;
    let finish: (v: string) => void = () => undefined;
    const job = (s: AbortSignal) => {
      jobSignal = s;
      return new Promise<string>((resolve) => {
        finish = resolve;
      });
    };
    const a = new AbortController();
    const b = new AbortController();
    const pa = g.run('k', job, a.signal, abortError);
    const pb = g.run('k', job, b.signal, abortError);
    await tick();
    a.abort();
    await expect(pa).rejects.toThrow('aborted');
    expect((jobSignal as AbortSignal | null)?.aborted).toBe(false);
    b.abort();
    await expect(pb).rejects.toThrow('aborted');
    expect((jobSignal as AbortSignal | null)?.aborted).toBe(true);
    expect(g.size).toBe(0);
    finish('late'); // settling after everyone left harms nobody
    const c = new AbortController();
    c.abort();
    await expect(g.run('k', job, c.signal, abortError)).rejects.toThrow('aborted');
  });
});
