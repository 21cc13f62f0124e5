// The user's file import in the app: one at a time in a worker, its progress and result in the layer panel.

import type { Crs } from '../lib/crs';
import type { MapFeature, MapFeatureCollection } from '../lib/feature';
import type { Lang } from '../lib/i18n';
import { importInWorker } from '../lib/import/client';
import type { EncodingChoice } from '../lib/import/decode';
import type { ImportProgress, ImportResult } from '../lib/import/import_file';
import { renderImportPanel } from './import_panel';

export interface ImportDeps {
  lang(): Lang;
  /** The loaded places (their ids must stay unique) and the districts (an import's places get one). */
  features(): readonly MapFeature[];
  districts(): MapFeatureCollection;
  /** Places accepted from a file: added to the loaded ones. */
  add(features: MapFeature[]): void;
  /** An import started: re-render (the section shows its progress). */
  refresh(): void;
  /** Progress moved: re-render if the layer panel is open. */
  progressed(): void;
  /** Finished (or started): show the layer panel with the result. */
  finished(): void;
}

/** Owns the import's choices (CRS, encoding), its progress and its last result. */
export class ImportController {
  private crs: Crs = 'WGS84';
  private encoding: EncodingChoice = 'auto';
  private progress: ImportProgress | null = null;
  private result: ImportResult | null = null;
  private abort: AbortController | null = null;

  constructor(private readonly deps: ImportDeps) {}

  /** The import section of the layer panel. */
  panel(lang: Lang): HTMLElement {
    return renderImportPanel({
      lang,
      crs: this.crs,
      progress: this.progress,
      result: this.result,
      encoding: this.encoding,
      onCrs: (crs) => {
        this.crs = crs;
      },
      onEncoding: (encoding) => {
        this.encoding = encoding;
      },
      onFile: (file) => void this.importFile(file),
      onCancel: () => this.abort?.abort(),
    });
  }

  /** Drop a file anywhere on `target` (the map area) to import it. */
  acceptDrops(target: HTMLElement): void {
    target.addEventListener('dragover', (e) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    });
    target.addEventListener('drop', (e) => {
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      e.preventDefault();
      void this.importFile(file);
    });
  }

  /** Import a user file in a worker; accepted places are added, nothing loaded is ever replaced or lost. */
  async importFile(file: File): Promise<void> {
    // One import at a time: a new file cancels the running one.
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.progress = { phase: 'read', done: 0, total: file.size };
    this.result = null;
    this.deps.refresh();
    const result = await importInWorker(
      file,
      {
        name: file.name,
        crs: this.crs,
        encoding: this.encoding,
        lang: this.deps.lang(),
        districts: this.deps.districts(),
        existingIds: this.deps.features().map((f) => f.properties.id),
      },
      (progress) => {
        if (abort.signal.aborted) return;
        this.progress = progress;
        this.deps.progressed();
      },
      { signal: abort.signal },
    );
    if (this.abort !== abort && this.abort !== null) return;
    this.abort = null;
    this.progress = null;
    this.result = result;
    if (result.features.length) this.deps.add(result.features);
    this.deps.finished();
  }
}
