// Saves a Blob as a file through a temporary link (the browser's download, no server round trip).

import { h } from './dom';

/** Starts the download of `blob` as `filename`. */
export function downloadBlob(blob: Blob, filename: string): void {
  const href = URL.createObjectURL(blob);
  const a = h('a', { href, download: filename, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: the download reads the blob asynchronously.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
