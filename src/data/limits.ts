/**
 * The largest file data/ reads. A browser tab holds the whole text plus columnar arrays, so
 * past a few hundred MB it runs out of memory; refusing early with the size beats a crashed tab.
 */
import { DataError } from './errors.ts';
import { dataText, type DataVar } from './messages.ts';

/** Largest ratings or titles file accepted, in bytes, after gunzip (200 MB, decimal). */
export const MAX_FILE_BYTES = 200_000_000;

/**
 * Largest share of bad data lines that is skipped with a warning; above it a file is refused.
 * A few broken lines in a big export are normal; many mean the layout was misread.
 */
export const MAX_BAD_SHARE = 0.1;

/**
 * Throws when a file is over {@link MAX_FILE_BYTES}.
 *
 * @param bytes the file size in bytes
 * @param name the file name for the message, e.g. `ratings.csv`
 * @throws DataError e.g. `ratings.csv is 250.3 MB, over the 200 MB limit. Use a sample of it, or filter it first.`
 */
export function checkFileSize(bytes: number, name: DataVar = dataText('data.theFile')): void {
  if (bytes > MAX_FILE_BYTES) {
    throw new DataError(dataText('data.tooBig', { name, size: formatMB(bytes), limit: formatMB(MAX_FILE_BYTES) }));
  }
}

/** Bytes as decimal megabytes with at most one decimal: 250_300_000 → "250.3 MB". */
export function formatMB(bytes: number): string {
  const mb = Math.round(bytes / 100_000) / 10;
  return `${mb} MB`;
}
