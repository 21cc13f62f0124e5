// What-if scenarios: proposed sites added to a category's base coverage, updated only where they reach.

import type { CategoryId } from '../feature';
import type { FacilityPoint } from '../walk/facilities';
import { addFacility, type LayerChange } from './add_facility';
import { type CoverageLayer, cloneLayer } from './compute';
import type { CoverageContext } from './context';
import type { WhatIfSite } from './scenario_state';

export { MAX_SITES, type WhatIfSite } from './scenario_state';

/** The facility a site stands for; its id names its position in the scenario (`ws:1` …, 1-based). */
export function sitePoint(site: { lon: number; lat: number }, k: number): FacilityPoint {
  return { id: `ws:${k + 1}`, lon: site.lon, lat: site.lat };
}

/** How a scenario layer was brought up to date. */
export type ScenarioUpdate =
  | { kind: 'unchanged' }
  /** New sites were appended: only the cells in `changes` differ from before. */
  | { kind: 'append'; changes: LayerChange[] }
  /** A site moved or was removed: the layer was rebuilt from the base (each site still incremental). */
  | { kind: 'rebuild' };

const same = (a: { lon: number; lat: number }, b: { lon: number; lat: number }) =>
  a.lon === b.lon && a.lat === b.lat;

/** One category's coverage under a scenario: its base layer plus that category's sites, in order. */
export class ScenarioLayer {
  layer: CoverageLayer;
  private applied: { lon: number; lat: number }[] = [];

  /**
   * @param base the category's coverage without sites (never modified)
   */
  constructor(
    private readonly ctx: CoverageContext,
    readonly base: CoverageLayer,
  ) {
    this.layer = base;
  }

  /** The sites currently applied. */
  get sites(): readonly { lon: number; lat: number }[] {
    return this.applied;
  }

  /**
   * Brings the layer to `sites` (this category's sites, in scenario order). When they extend the sites
   * already applied, only the new ones are added, touching only the cells they reach; otherwise the
   * layer restarts from a copy of the base and every site is added again.
   */
  update(sites: readonly { lon: number; lat: number }[]): ScenarioUpdate {
    const prefix = this.applied.length <= sites.length && this.applied.every((s, i) => same(s, sites[i]!));
    if (prefix && this.applied.length === sites.length) return { kind: 'unchanged' };
    if (!prefix) {
      this.layer = this.base;
      this.applied = [];
    }
    const rebuilt = !prefix;
    if (this.layer === this.base && sites.length > 0) this.layer = cloneLayer(this.base);
    const changes: LayerChange[] = [];
    for (let k = this.applied.length; k < sites.length; k++) {
      const s = sites[k]!;
      changes.push(addFacility(this.ctx, this.layer, sitePoint(s, k), this.base.pointCount + k));
      this.applied.push({ lon: s.lon, lat: s.lat });
    }
    return rebuilt ? { kind: 'rebuild' } : { kind: 'append', changes };
  }
}

/** The sites of one category, in scenario order. */
export function sitesOf(sites: readonly WhatIfSite[], category: CategoryId): WhatIfSite[] {
  return sites.filter((s) => s.category === category);
}
