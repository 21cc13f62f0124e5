// Population GeoTIFF reading: Lanzhou's window by ranged reads of the File vs the whole file in memory first.
// The raster is synthetic (seeded values, invented) and WorldPop-shaped: float32, 3″ pixels, deflate +
// floating-point predictor, one row per strip, nodata -99999. Both paths run in this process on the same bytes.

import * as geotiff from 'geotiff';
import { geotiffReader, readPopulationGeoTiff } from '../src/lib/coverage/population_geotiff';
import { CountingBlob, writeTestTiff } from '../src/lib/coverage/tiff_test_support';
import { fmt, isMain, machineNote } from './walk_synthetic.ts';

/** A WorldPop-like raster over 99.5–107.5°E, 33.5–39°N (wider than Lanzhou's window on every side). */
function syntheticRaster(): Uint8Array<ArrayBuffer> {
  const size = 1 / 1200;
  const width = Math.round(8 / size);
  const height = Math.round(5.5 / size);
  const values = new Float32Array(width * height);
  let s = 1;
  for (let k = 0; k < values.length; k++) {
    s = (s * 1103515245 + 12345) >>> 0;
    values[k] = k % 131 === 0 ? -99999 : Math.fround(((s >>> 8) / 2 ** 24) * 30);
  }
  return writeTestTiff({
    width,
    height,
    values,
    west: 99.5,
    north: 39,
    size,
    noData: '-99999',
    compression: 8,
    predictor: 3,
    rowsPerStrip: 1,
  });
}

export async function runPopulationBench(): Promise<void> {
  console.log(`\npopulation GeoTIFF — ${machineNote()}`);
  const bytes = syntheticRaster();
  const mib = (n: number) => fmt(n / 2 ** 20, 1);
  // The app's path: the File (here a Blob) is read by ranges, only the strips over Lanzhou.
  const blob = new CountingBlob([bytes]);
  let t0 = performance.now();
  const ranged = await readPopulationGeoTiff(blob, 'synthetic.tif', geotiffReader(geotiff));
  const tRanged = performance.now() - t0;
  // Baseline: the whole file as one ArrayBuffer first (what a page reading file.arrayBuffer() holds).
  t0 = performance.now();
  const whole = bytes.buffer.slice(0);
  const inMemory = await readPopulationGeoTiff(
    new Blob([]),
    'synthetic.tif',
    geotiffReader({ GeoTIFF: { fromSource: () => geotiff.fromArrayBuffer(whole) } } as never),
  );
  const tWhole = performance.now() - t0;
  if (ranged.accepted !== inMemory.accepted || Math.abs(ranged.total - inMemory.total) > 1e-6 * ranged.total)
    throw new Error('population bench: the two paths disagree');
  console.log(
    `  file ${mib(bytes.length)} MiB; ${fmt(ranged.accepted)} pixels with people in Lanzhou's window, ${fmt(ranged.total)} people`,
  );
  console.log(
    `  ranged reads: ${mib(blob.bytesRead)} MiB read (${fmt((100 * blob.bytesRead) / bytes.length, 1)}% of the file), ${fmt(tRanged)} ms`,
  );
  console.log(
    `  whole file in memory: ${mib(whole.byteLength)} MiB held, ${fmt(tWhole)} ms → ranged reads hold ${fmt(whole.byteLength / blob.bytesRead, 1)}× less, time ${fmt(tWhole / tRanged, 2)}×`,
  );
}

if (isMain(import.meta.url)) await runPopulationBench();
