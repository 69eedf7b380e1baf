/**
 * Browser downloads of things the studio made (reports, models, chart images): a blob: URL on a
 * temporary link, so nothing goes over the network.
 */
import { studioStore } from '../state/store';

/** Saves `data` as a file named `name` through the browser's download. */
export function download(name: string, data: Blob | string | ArrayBuffer, type = 'application/octet-stream'): void {
  const blob = data instanceof Blob ? data : new Blob([data], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // the download has taken its copy once click() returns; a moment later the URL can go
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** An export that failed, as an error notice. */
export function exportFailed(e: unknown): void {
  studioStore.getState().pushNotice('error', 'notice.exportFailed', { message: e instanceof Error ? e.message : String(e) });
}
