/** The page's transfer bridge: its own training worker, started on the first run. */
import { TrainClient } from '../train/client';
import { sideWorkerBackend } from './sideWorkerBackend';
import { studioStore } from './store';
import { TransferBridge } from './transferBridge';
import { transferStore } from './transferStore';

const bridge = new TransferBridge(transferStore, () => new TrainClient());

export const transferActions = {
  /** Runs on the dataset loaded in the studio; a clear message when there is none. */
  run: () => {
    const s = studioStore.getState();
    const ds = s.dataset.current?.dataset;
    if (ds) bridge.run(ds, sideWorkerBackend(s.run.backend, s.config.backend));
    else transferStore.getState().failed('no dataset is loaded');
  },
  cancel: () => bridge.cancel(),
};
