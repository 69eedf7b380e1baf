/**
 * Dedicated module worker that parses dropped files off the main thread, so a 100 MB file does
 * not freeze the page. A thin adapter over ingest(); the protocol is in parseProtocol.ts.
 * Start it with `new Worker(new URL('./parseWorker.ts', import.meta.url), { type: 'module' })`.
 * The only file in data/ that touches a global scope (self.postMessage).
 */
import { isDataError } from './errors.ts';
import { ingest } from './ingest.ts';
import type { ParseWorkerRequest, ParseWorkerResponse } from './parseProtocol.ts';
import { splitFor } from './split.ts';

/** The part of a dedicated worker's global scope this file uses. */
interface ParseWorkerScope {
  onmessage: ((event: { data: ParseWorkerRequest }) => void) | null;
  postMessage(message: ParseWorkerResponse, transfer?: ArrayBuffer[]): void;
}

const scope = self as unknown as ParseWorkerScope;
/** Progress messages are sent at most this often, in fraction steps. */
const PROGRESS_STEP = 0.05;

scope.onmessage = (event) => {
  const msg = event.data;
  if (msg.type === 'parse') void handleParse(msg);
};

async function handleParse(msg: ParseWorkerRequest): Promise<void> {
  const { id } = msg;
  let last = -1;
  try {
    const { splitSeed, ...options } = msg.options ?? {};
    const result = await ingest(
      { bytes: new Uint8Array(msg.ratings), name: msg.ratingsName },
      msg.titles ? { bytes: new Uint8Array(msg.titles), name: msg.titlesName ?? 'titles' } : null,
      {
        ...options,
        source: 'upload',
        onProgress: (fraction) => {
          if (fraction - last >= PROGRESS_STEP || fraction === 1) {
            last = fraction;
            scope.postMessage({ type: 'progress', id, fraction });
          }
        },
      },
    );
    const { dataset, stats, table, titles } = result;
    const split = splitSeed === undefined ? undefined : splitFor(dataset, splitSeed);
    // Hand the columns over instead of copying them; a Set because a buffer may be listed once only.
    const columns = [dataset.users, dataset.items, dataset.ratings, dataset.timestamps, dataset.years];
    const splitColumns = split ? [split.trainUsers, split.trainItems, split.histOffsets, split.histItems, split.valItem, split.testItem, split.evalUsers] : [];
    const buffers = [...columns, ...splitColumns].map((a) => a?.buffer);
    const transfer = [...new Set(buffers.filter((b): b is ArrayBuffer => b instanceof ArrayBuffer))];
    scope.postMessage(
      {
        type: 'done',
        id,
        dataset,
        stats,
        format: table.format,
        hasHeader: table.hasHeader,
        skippedLines: table.skippedLines,
        titleCount: titles ? titles.titles.size : null,
        ...(split ? { split } : {}),
      },
      transfer,
    );
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const line = isDataError(e) && e.line !== null ? e.line : undefined;
    const text = isDataError(e) ? { text: e.text } : {};
    scope.postMessage(line === undefined ? { type: 'error', id, message, ...text } : { type: 'error', id, message, line, ...text });
  }
}
