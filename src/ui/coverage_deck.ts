// The coverage cells as deck.gl layers: coloured by walking-time band, or the 15-minute fitness circle alone.

import { layerOf } from '../catalog';
import { squareRingAt } from '../lib/coverage/grid_spec';
import type { AnalyseResult, GridPayload } from '../lib/coverage/protocol';
import { bandClass, RAMP, RAMP_ALPHA } from '../lib/coverage/ramp';
import type { CategoryId } from '../lib/feature';

/** The 15-minute fitness circle drawn on its own (catalog colour of fitness_circle). */
const CIRCLE_ALPHA = 130;

const hexRgb = (hex: string): [number, number, number] => [
  Number.parseInt(hex.slice(1, 3), 16),
  Number.parseInt(hex.slice(3, 5), 16),
  Number.parseInt(hex.slice(5, 7), 16),
];

let indices: number[] = [];

export interface CellLayerInput {
  result: AnalyseResult | null;
  grid: GridPayload | null;
  /** Category drawn, or null for none. */
  category: CategoryId | null;
  /** Only the cells within the last band, in the fitness circle's colour (not pickable). */
  circle: boolean;
  /** Bumped with every new result (deck.gl recolours on change). */
  version: number;
  /** A click on a cell (index); return true when used. */
  pick: (cell: number) => boolean;
}

/** The deck.gl layers of the cells (none before a result for this grid); deck.gl loads on first use. */
export async function coverageCellLayers(o: CellLayerInput): Promise<unknown[]> {
  const { result: r, grid: g, category, circle } = o;
  if (!r || !g || g.key !== r.gridKey || !category || g.ids.length === 0) return [];
  const k = r.categories.indexOf(category);
  const minutes = r.minutes[k];
  const reach = r.reach[k];
  if (!minutes || !reach) return [];
  if (indices.length !== g.ids.length) indices = Array.from({ length: g.ids.length }, (_, i) => i);
  const last = r.bands[r.bands.length - 1] as number;
  const data = circle ? indices.filter((i) => (minutes[i] as number) <= last) : indices;
  const circleColor = [...hexRgb(layerOf('fitness_circle').color), CIRCLE_ALPHA];
  const colors = RAMP.map((x) => [...x.rgb, RAMP_ALPHA]);
  const fill = (i: number) =>
    circle
      ? circleColor
      : (colors[bandClass(minutes[i] as number, reach[i] as number, r.bands)] ?? colors[4]);
  const common = {
    id: circle ? 'fitness-circle-cells' : 'coverage-cells',
    data,
    pickable: !circle,
    filled: true,
    stroked: false,
    getFillColor: fill,
    updateTriggers: { getFillColor: [o.version, category, circle] },
    onClick: (info: { index: number; object?: unknown }) =>
      typeof info.object === 'number' ? o.pick(info.object) : false,
  };
  if (g.spec.kind === 'h3') {
    const { H3HexagonLayer } = await import('@deck.gl/geo-layers');
    return [
      new H3HexagonLayer<number>({
        ...common,
        extruded: false,
        getHexagon: (i: number) => g.ids[i] as string,
      } as never),
    ];
  }
  const { SolidPolygonLayer } = await import('@deck.gl/layers');
  const size = g.spec.kind === 'square' ? g.spec.sizeM : 0;
  return [
    new SolidPolygonLayer<number>({
      ...common,
      getPolygon: (i: number) => squareRingAt(g.lon[i] as number, g.lat[i] as number, size),
    } as never),
  ];
}
