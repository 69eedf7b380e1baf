/** Test helper: a training worker client that records what it is sent and emits what a test says. */
import type { TrainPort } from '../state/trainBridge';
import type { FromWorker, ToWorker } from '../train/protocol';

export class FakeClient implements TrainPort {
  sent: ToWorker[] = [];
  disposed = false;
  listener: ((m: FromWorker) => void) | null = null;
  send(msg: ToWorker) {
    this.sent.push(msg);
  }
  onMessage(l: (m: FromWorker) => void) {
    this.listener = l;
  }
  dispose() {
    this.disposed = true;
  }
  emit(m: FromWorker) {
    this.listener?.(m);
  }
  types() {
    return this.sent.map((m) => m.type);
  }
}

/** A makeClient for a bridge, and every client it made, in order. */
export function fakeClients(): { clients: FakeClient[]; make: () => FakeClient } {
  const clients: FakeClient[] = [];
  return {
    clients,
    make: () => {
      const c = new FakeClient();
      clients.push(c);
      return c;
    },
  };
}
