// The coverage session's population: the file last loaded (CSV or GeoTIFF), its people per cell, its summary.

import type { CoverageGrid } from './grid';
import {
  type CellPopulation,
  type PopulationImport,
  populationPerCell,
  readPopulationCsv,
} from './population';
import { type GeoTiffReader, readPopulationGeoTiff } from './population_geotiff';
import type { PopulationSummary } from './protocol';

/**
 * Whether a file is a TIFF: by its name, or by its first 4 bytes (byte order, then 42 for classic TIFF
 * or 43 for BigTIFF, which GDAL writes for files over 4 GB, e.g. country-wide WorldPop rasters).
 */
export function isTiff(name: string, head: Uint8Array): boolean {
  const magic = (lo: number, hi: number) => (lo === 0x2a || lo === 0x2b) && hi === 0;
  return (
    /\.tiff?$/i.test(name) ||
    (head[0] === 0x49 && head[1] === 0x49 && magic(head[2] ?? -1, head[3] ?? -1)) ||
    (head[0] === 0x4d && head[1] === 0x4d && magic(head[3] ?? -1, head[2] ?? -1))
  );
}

/** One session's population: replaced only by a file that gave something usable, or cleared. */
export class SessionPopulation {
  private imported: PopulationImport | null = null;
  /** Bumped on every change (figures keyed on it are recomputed). */
  private changes = 0;
  private cells: { key: string; value: CellPopulation } | null = null;

  /** @param geotiff the GeoTIFF reader (null: geotiff not installed) */
  constructor(private readonly geotiff: GeoTiffReader | null) {}

  /** Changes so far: part of the key of anything computed from the population. */
  get version(): number {
    return this.changes;
  }

  /** People per cell of a grid (cached per grid and version); null without a population. */
  perCell(grid: CoverageGrid): CellPopulation | null {
    if (!this.imported?.points) return null;
    const key = `${grid.key}|${this.changes}`;
    if (this.cells?.key !== key) this.cells = { key, value: populationPerCell(grid, this.imported.points) };
    return this.cells.value;
  }

  /** What the loaded population is, with its people inside / outside `cells`' grid (null: not known). */
  summary(cells: CellPopulation | null): PopulationSummary | null {
    return this.imported ? summaryOf(this.imported, cells) : null;
  }

  /**
   * Reads a population file (null: clear the population). A File (Blob) is read in parts: a GeoTIFF only
   * where Lanzhou is; bytes are still taken as such. A file that gives nothing usable never replaces the
   * population already loaded; its summary says why.
   * @param grid the grid analysed last, to count the people inside it (null: none yet)
   */
  async load(
    data: Blob | ArrayBuffer | null,
    name: string,
    grid: CoverageGrid | null,
  ): Promise<PopulationSummary> {
    if (data === null) {
      this.set(null);
      return { name, records: 0, accepted: 0, total: 0, inside: null, outside: null, issues: [] };
    }
    const file = data instanceof Blob ? data : new Blob([data]);
    const imported = isTiff(name, new Uint8Array(await file.slice(0, 4).arrayBuffer()))
      ? await readPopulationGeoTiff(file, name, this.geotiff)
      : readPopulationCsv(new Uint8Array(await file.arrayBuffer()), name);
    if (imported.points) this.set(imported);
    const cells = imported.points && grid ? this.perCell(grid) : null;
    return summaryOf(imported, cells);
  }

  private set(imported: PopulationImport | null): void {
    this.imported = imported;
    this.changes++;
    this.cells = null;
  }
}

function summaryOf(p: PopulationImport, cells: CellPopulation | null): PopulationSummary {
  return {
    name: p.name,
    records: p.records,
    accepted: p.accepted,
    total: p.total,
    inside: cells ? cells.inside : null,
    outside: cells ? cells.outside : null,
    issues: p.issues,
  };
}
