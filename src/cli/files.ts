/** Reading input files for CLI commands: size-checked before the bytes are read. */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { DataError } from '../data/errors.ts';
import type { NamedBytes } from '../data/ingest.ts';
import { checkFileSize } from '../data/limits.ts';

/**
 * Reads a file as bytes named by its base name (so `.gz` and `u.item` hints work).
 *
 * @throws DataError when the file is missing, not a file, or over the size limit
 */
export async function readInput(path: string): Promise<NamedBytes> {
  const name = basename(path);
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new DataError(`${path} is not a file.`);
    size = s.size;
  } catch (e) {
    if (e instanceof DataError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new DataError(code === 'ENOENT' ? `${path}: no such file.` : `${path}: cannot read it (${code ?? (e as Error).message}).`);
  }
  checkFileSize(size, name);
  return { bytes: new Uint8Array(await readFile(path)), name };
}
