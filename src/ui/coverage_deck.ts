// The coverage cells as deck.gl layers: coloured by walking-time band with the selected cell outlined, or the 15-minute fitness circle alone.

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
  /** Only the cells within the last band, in the fitness circle's colour. */
  circle: boolean;
  /** Bumped with every new result (deck.gl recolours on change). */
  version: number;
  /** Cell outlined as selected (its index), or null. */
  selected: number | null;
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
    // Clicks are resolved from the grid itself (PlannerCells.click), in the same turn as the map's click.
    pickable: false,
    filled: true,
    stroked: false,
    getFillColor: fill,
    updateTriggers: { getFillColor: [o.version, category, circle] },
  };
  const outline = circle ? [] : await selectedOutline(g, o.selected);
  if (g.spec.kind === 'h3') {
    const { H3HexagonLayer } = await import('@deck.gl/geo-layers');
    return [
      new H3HexagonLayer<number>({
        ...common,
        extruded: false,
        getHexagon: (i: number) => g.ids[i] as string,
      } as never),
      ...outline,
    ];
  }
  const { SolidPolygonLayer } = await import('@deck.gl/layers');
  const size = g.spec.kind === 'square' ? g.spec.sizeM : 0;
  return [
    new SolidPolygonLayer<number>({
      ...common,
      getPolygon: (i: number) => squareRingAt(g.lon[i] as number, g.lat[i] as number, size),
    } as never),
    ...outline,
  ];
}

/** Outline of the selected cell: dark over a white halo, readable on every band colour and basemap. */
const OUTLINE = [
  { id: 'coverage-selected-halo', color: [255, 255, 255, 255], width: 7 },
  { id: 'coverage-selected', color: [17, 24, 39, 255], width: 3 },
] as const;

/** The selected cell's outline as two path layers (none without a selection). */
async function selectedOutline(g: GridPayload, cell: number | null): Promise<unknown[]> {
  if (cell === null || cell >= g.ids.length) return [];
  let ring: [number, number][];
  if (g.spec.kind === 'h3') {
    // h3-js comes with the H3 layer's chunk: not in the main bundle.
    const { cellToBoundary } = await import('h3-js');
    ring = cellToBoundary(g.ids[cell] as string, true) as [number, number][];
  } else ring = squareRingAt(g.lon[cell] as number, g.lat[cell] as number, g.spec.sizeM);
  const { PathLayer } = await import('@deck.gl/layers');
  return OUTLINE.map(
    (x) =>
      new PathLayer<[number, number][]>({
        id: x.id,
        data: [ring],
        getPath: (r: [number, number][]) => r,
        getColor: [...x.color],
        getWidth: x.width,
        widthUnits: 'pixels',
        jointRounded: true,
        pickable: false,
      } as never),
  );
}
