// Coordinates as text: one format for links and for screens.

/**
 * A coordinate as links carry it (6 decimals, ≈ 0.1 m). Screens show the same text, so a place reads the
 * same before and after a reload of its link.
 */
export function formatCoord(deg: number): string {
  return deg.toFixed(6);
}
