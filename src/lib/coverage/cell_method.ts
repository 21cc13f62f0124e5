// How a cell's walking times were obtained (kept apart so the main bundle can read results without the engine).

/** Along the street network. */
export const CELL_NETWORK = 0;
/** Straight-line distance × detour factor (no graph, or the cell is farther from a street than the snap limit). */
export const CELL_ESTIMATE = 1;
