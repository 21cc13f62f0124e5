// The planner's population grid and marginal contributions: what the worker holds, and what the panel shows of them.

import type { CoverageClient } from '../lib/coverage/client';
import type { MarginalResult, PopulationSummary } from '../lib/coverage/protocol';
import type { CategoryId } from '../lib/feature';

/** A population file loaded into (or cleared from) the worker, and the marginal contributions computed there. */
export class PlannerPopulation {
  /** Share of young people (0–1) to count, or null. */
  youthShare: number | null = null;
  population: { summary: PopulationSummary | null; busy: boolean } = { summary: null, busy: false };
  marginal: { result: MarginalResult | null; busy: boolean; error: string | null } = {
    result: null,
    busy: false,
    error: null,
  };
  /** Bumped whenever the worker's population changes (every figure is then recomputed). */
  version = 0;

  constructor(
    private readonly client: CoverageClient,
    /** The panel shows something new. */
    private readonly refresh: () => void,
    private readonly notice: (text: string) => void,
    /** The population in the worker changed: analyse again. */
    private readonly changed: () => void,
  ) {}

  /** Forgets the marginal contributions (another category, another population). */
  resetMarginal(): void {
    this.marginal = { result: null, busy: false, error: null };
  }

  async load(file: File): Promise<void> {
    this.population = { summary: this.population.summary, busy: true };
    this.refresh();
    // The File itself goes to the worker: a clone shares its bytes, and a GeoTIFF is read window by window.
    const o = await this.client.request({ type: 'population', bytes: file, name: file.name }).outcome;
    const prev = this.population.summary;
    // A rejected file shows its problems but keeps the population already loaded (and its summary).
    const summary =
      o.kind !== 'result'
        ? prev
        : o.result.accepted > 0 || !prev?.accepted
          ? o.result
          : { ...prev, issues: o.result.issues };
    this.population = { summary, busy: false };
    if (o.kind === 'error') this.notice(o.message);
    if (o.kind === 'result' && o.result.accepted > 0) {
      this.version++;
      this.resetMarginal();
      this.changed();
    }
    this.refresh();
  }

  async clear(): Promise<void> {
    await this.client.request({ type: 'population', bytes: null, name: '' }).outcome;
    this.population = { summary: null, busy: false };
    this.version++;
    this.resetMarginal();
    this.changed();
    this.refresh();
  }

  async runMarginal(category: CategoryId): Promise<void> {
    this.marginal = { result: null, busy: true, error: null };
    this.refresh();
    const o = await this.client.request({ type: 'marginal', category }).outcome;
    this.marginal = {
      result: o.kind === 'result' ? o.result : null,
      busy: false,
      error: o.kind === 'error' ? o.message : null,
    };
    this.refresh();
  }
}
