/**
 * Browser downloads of things the studio made (reports, models, chart images): a blob: URL on a
 * temporary link, so nothing goes over the network.
 */
import { studioStore } from '../state/store';
import { chartFrameIn, chartSvgIn, svgToPng } from './chartPng';

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

/**
 * Downloads the chart inside `root` as a PNG with its title (found by `titleSelector`) and legend.
 * Returns false when `root` holds no chart; a drawing failure becomes an error notice.
 */
export async function downloadChartPng(root: Element | null, file: string, titleSelector: string): Promise<boolean> {
  const svg = chartSvgIn(root);
  if (!svg || !root) return false;
  try {
    download(file, await svgToPng(svg, chartFrameIn(root, titleSelector)));
  } catch (e) {
    exportFailed(e);
  }
  return true;
}
