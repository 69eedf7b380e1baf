/**
 * gunzip through the platform's DecompressionStream (Node 18+ and every current browser), so
 * data/ needs no zlib port. The output is size-checked while it streams: a small .gz can
 * expand past what a tab can hold.
 */
import { DataError } from './errors.ts';
import { dataText } from './messages.ts';
import { MAX_FILE_BYTES, formatMB } from './limits.ts';

/** True when the bytes start with the gzip magic number (1f 8b). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Decompresses a whole gzip file.
 *
 * @param bytes the .gz file's bytes
 * @param maxBytes refuse once the output passes this many bytes (default {@link MAX_FILE_BYTES})
 * @returns the decompressed bytes
 * @throws DataError when the data is not gzip, is damaged, or unpacks past `maxBytes`
 * @example const text = new TextDecoder().decode(await gunzip(gzBytes));
 */
export async function gunzip(bytes: Uint8Array, maxBytes = MAX_FILE_BYTES): Promise<Uint8Array> {
  if (!isGzip(bytes)) throw new DataError(dataText('data.gzNotGzip'));
  const input = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
  const reader = input.pipeThrough(new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        await reader.cancel();
        throw new DataError(dataText('data.gzTooBig', { limit: formatMB(maxBytes) }));
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof DataError) throw e;
    throw new DataError(dataText('data.gzDamaged', { detail: (e as Error).message }));
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
