/**
 * The page's transfer bridge: its own training worker, started on the first run, and the files
 * the domain rules read (a source item-id list; a target ratings file, parsed off the page's
 * thread by a parse worker of the panel's own, the same parser an upload goes through).
 */
import { isDataError } from '../data/errors';
import { readIdList } from '../data/itemColumn';
import { readText } from '../data/ingest';
import type { DataText } from '../data/messages';
import { TrainClient } from '../train/client';
import { workerParser } from './datasetLoader';
import { sideWorkerBackend } from './sideWorkerBackend';
import { studioStore } from './store';
import { TransferBridge } from './transferBridge';
import { transferStore, type RuleFileKind } from './transferStore';

const bridge = new TransferBridge(transferStore, () => new TrainClient());
const parse = workerParser(() => new Worker(new URL('../data/parseWorker.ts', import.meta.url), { type: 'module', name: 'transfer-parser' }));

/** The newest file per rule wins: an older one still being read is ignored when it ends. */
const latest: Record<RuleFileKind, number> = { ids: 0, file: 0 };

function why(e: unknown): DataText | string {
  return isDataError(e) ? e.text : e instanceof Error ? e.message : String(e);
}

async function readRuleFile(
  which: RuleFileKind,
  file: File,
  read: (bytes: ArrayBuffer, onProgress: (f: number) => void, isCurrent: () => boolean) => Promise<void>,
): Promise<void> {
  const id = ++latest[which];
  const isCurrent = () => id === latest[which];
  const s = transferStore.getState();
  s.ruleFileLoading(which, file.name, null);
  try {
    await read(
      await file.arrayBuffer(),
      (f) => {
        if (isCurrent()) transferStore.getState().ruleFileLoading(which, file.name, f);
      },
      isCurrent,
    );
  } catch (e) {
    if (isCurrent()) transferStore.getState().ruleFileFailed(which, file.name, why(e));
  }
}

export const transferActions = {
  /** Runs on the dataset loaded in the studio; a clear message when there is none. */
  run: () => {
    const s = studioStore.getState();
    const ds = s.dataset.current?.dataset;
    if (ds) bridge.run(ds, sideWorkerBackend(s.run.backend, s.config.backend), s.config.transfer);
    else transferStore.getState().failed('no dataset is loaded');
  },
  cancel: () => bridge.cancel(),

  /** A list of source item ids (one per line or comma-separated), read as any uploaded text is (gzip, encodings). */
  loadIdList: (file: File) => {
    return readRuleFile('ids', file, async (bytes, _onProgress, isCurrent) => {
      const text = await readText({ bytes: new Uint8Array(bytes), name: file.name });
      const ids = readIdList(text.text);
      if (isCurrent()) transferStore.getState().idListLoaded(file.name, ids);
    });
  },

  /** A second ratings file, the target domain: parsed like an upload (format detected, bad lines skipped and named). */
  loadTargetFile: (file: File) => {
    return readRuleFile('file', file, async (bytes, onProgress, isCurrent) => {
      const done = await parse({ bytes, name: file.name }, null, { format: 'auto' }, onProgress);
      if (isCurrent()) transferStore.getState().targetFileLoaded(file.name, { ...done.dataset, source: 'upload' });
    });
  },
};
