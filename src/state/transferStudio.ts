/** The page's transfer bridge: its own training worker, started on the first run. */
import { TrainClient } from '../train/client';
import { studioStore } from './store';
import { TransferBridge } from './transferBridge';
import { transferStore } from './transferStore';

const bridge = new TransferBridge(transferStore, () => new TrainClient());

export const transferActions = {
  /** Runs on the dataset loaded in the studio; a clear message when there is none. */
  run: () => {
    const ds = studioStore.getState().dataset.current?.dataset;
    if (ds) bridge.run(ds);
    else transferStore.getState().failed('no dataset is loaded');
  },
  cancel: () => bridge.cancel(),
};
