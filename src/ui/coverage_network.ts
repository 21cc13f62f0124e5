// The planner's online street network: plans the tiles of the districts analysed and loads them (src/lib/coverage/network_loader.ts).

import {
  type CoverageNetState,
  CoverageNetworkLoader,
  type CoverageRequester,
} from '../lib/coverage/network_loader';
import { planNetworkTiles, type TileDistrict } from '../lib/coverage/network_tiles';
import { ringsOf } from '../lib/coverage/pip';
import type { MapFeatureCollection } from '../lib/feature';

/** Tiles of the analysed districts, loaded when the app has no city graph and is allowed to go online. */
export class PlannerNetwork {
  private loader: CoverageNetworkLoader | null = null;
  /** Bumped whenever the worker switches to another network (figures are then recomputed). */
  version = 0;

  constructor(
    private readonly request: CoverageRequester,
    private readonly changed: () => void,
    private readonly networkChanged: () => void,
  ) {}

  /** Starts using Overpass at `endpoint` for the districts analysed (the next `ensure` downloads). */
  enable(endpoint: string): void {
    this.loader?.stop();
    this.loader = new CoverageNetworkLoader({
      endpoint,
      request: this.request,
      onChange: () => this.changed(),
      onNetwork: () => {
        this.version++;
        this.networkChanged();
      },
    });
  }

  /** Never asks Overpass again (a city graph is loaded instead). */
  disable(): void {
    this.loader?.stop();
    this.loader = null;
  }

  /**
   * Loads the tiles for these districts unless already loading or loaded.
   * @param points facilities (tiles with more of them come first under the cap)
   */
  ensure(
    districts: readonly string[],
    boundaries: MapFeatureCollection,
    points: readonly { lon: number; lat: number }[],
  ): void {
    if (!this.loader || districts.length === 0 || boundaries.features.length === 0) return;
    const chosen = [...districts].sort();
    this.loader.load(chosen.join(','), () => {
      const shapes: TileDistrict[] = chosen.map((adcode) => ({
        adcode,
        rings: boundaries.features
          .filter((f) => f.properties.district === adcode)
          .flatMap((f) => ringsOf(f.geometry as { type: string; coordinates: unknown })),
      }));
      return planNetworkTiles(shapes, points);
    });
  }

  /** About → clear: a running download stops (src/lib/coverage/network_loader.ts clear). */
  clear(): void {
    this.loader?.clear();
  }

  retry(): void {
    this.loader?.retry();
  }

  get state(): CoverageNetState | null {
    return this.loader?.current ?? null;
  }
}
