/**
 * Batches for training and rows for evaluation, built on the CPU from the split: pure TS, fixed
 * shapes. Fixed batch shapes matter on webgpu, whose buffer pool keeps one buffer per exact size.
 */
import { Rng } from './rng';
import type { Split } from './types';

/**
 * An endless, seeded stream of training examples: a shuffled pass over all (user, train item)
 * pairs, reshuffled when used up, so every batch has exactly `batchSize` examples.
 */
export class ExampleStream {
  private readonly order: Int32Array;
  private pos = 0;
  private readonly rng: Rng;
  /** Examples handed out so far. */
  seen = 0;

  constructor(
    private readonly split: Split,
    readonly batchSize: number,
    seed: number,
  ) {
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`batch size must be a positive integer, got ${batchSize}`);
    if (split.trainUsers.length === 0) throw new Error('there are no training examples');
    this.rng = new Rng(seed);
    this.order = new Int32Array(split.trainUsers.length);
    for (let i = 0; i < this.order.length; i++) this.order[i] = i;
    this.rng.shuffle(this.order);
  }

  /** Training examples per epoch. */
  get epochSize(): number {
    return this.order.length;
  }

  /** Epochs completed, fractional. */
  get epoch(): number {
    return this.seen / this.order.length;
  }

  /** Fills the next batch's users and target items. */
  next(users: Int32Array, targets: Int32Array): void {
    const { trainUsers, trainItems } = this.split;
    for (let b = 0; b < this.batchSize; b++) {
      if (this.pos === this.order.length) {
        this.rng.shuffle(this.order);
        this.pos = 0;
      }
      const e = this.order[this.pos++];
      users[b] = trainUsers[e];
      targets[b] = trainItems[e];
    }
    this.seen += this.batchSize;
  }
}

/**
 * Writes, for each example b, `value(n)` at each of its user's n train items other than its
 * target, into `out` at b·exampleStride + item·itemStride; everything else 0. One loop for the
 * row-major history, its transpose and the distillation mask.
 */
function writeOtherItems(
  split: Split,
  users: Int32Array,
  targets: Int32Array,
  out: Float32Array,
  exampleStride: number,
  itemStride: number,
  value: (n: number) => number,
): void {
  out.fill(0);
  const { histOffsets, histItems } = split;
  for (let b = 0; b < users.length; b++) {
    const u = users[b];
    const s = histOffsets[u];
    const e = histOffsets[u + 1];
    const v = value(e - s);
    const at = b * exampleStride;
    for (let i = s; i < e; i++) out[at + histItems[i] * itemStride] = v;
    out[at + targets[b] * itemStride] = 0;
  }
}

/** 1/(n−1): each of n history items' weight once the target is left out; 0 when it was the only one. */
const leaveOneOutWeight = (n: number): number => (n > 1 ? 1 / (n - 1) : 0);

/**
 * History rows [B, nItems] for training: 1/(n−1) on each of the user's n train items except the
 * target (the label never leaks into its own input); all zero when the target is the only one.
 */
export function fillTrainHistory(split: Split, users: Int32Array, targets: Int32Array, out: Float32Array): void {
  writeOtherItems(split, users, targets, out, split.nItems, 1, leaveOneOutWeight);
}

/** The rows of fillTrainHistory transposed, [nItems, B]: item-major, for historyᵀ·dh. */
export function fillTrainHistoryT(split: Split, users: Int32Array, targets: Int32Array, out: Float32Array): void {
  writeOtherItems(split, users, targets, out, 1, users.length, leaveOneOutWeight);
}

/**
 * An additive [B, N] mask for distillation over unseen items: `value` on each of the user's train
 * items other than the example's own target (the same items a leave-one-out history row holds),
 * 0 elsewhere.
 */
export function fillOtherHistoryMask(split: Split, users: Int32Array, targets: Int32Array, value: number, out: Float32Array): void {
  writeOtherItems(split, users, targets, out, split.nItems, 1, () => value);
}

/**
 * Rows for scoring users at evaluation time: `history` gets 1/n on each of the user's n train
 * items; `exclude` gets 1 on every item that is not a candidate: everything the user has
 * interacted with except the item being ranked — the train items and the other held-out item.
 * (Counting the test item as a negative when ranking the validation item would penalise, on
 * validation only, exactly the models that find the user's real items.)
 */
export function fillEvalRows(
  split: Split,
  users: Int32Array,
  heldOut: 'val' | 'test',
  history: Float32Array,
  exclude: Float32Array,
): void {
  const N = split.nItems;
  history.fill(0);
  exclude.fill(0);
  const { histOffsets, histItems } = split;
  for (let b = 0; b < users.length; b++) {
    const u = users[b];
    if (u < 0) continue;
    const s = histOffsets[u];
    const e = histOffsets[u + 1];
    const row = b * N;
    const w = e > s ? 1 / (e - s) : 0;
    for (let i = s; i < e; i++) {
      history[row + histItems[i]] = w;
      exclude[row + histItems[i]] = 1;
    }
    const other = heldOut === 'test' ? split.valItem[u] : split.testItem[u];
    if (other >= 0) exclude[row + other] = 1;
  }
}

/** A fixed, seeded sample of evaluated users (for live validation every N steps). */
export function sampleEvalUsers(split: Split, count: number, seed: number): Int32Array {
  const all = Int32Array.from(split.evalUsers);
  if (count >= all.length) return all;
  new Rng(seed).shuffle(all);
  return all.slice(0, count).sort();
}

/** 0/1 history rows of users start..start+count−1 into out [count, nItems] (out must be zeroed). */
export function fillHistoryBlock(split: Split, start: number, count: number, out: Float32Array): void {
  const N = split.nItems;
  const { histOffsets, histItems } = split;
  for (let r = 0; r < count; r++) {
    const u = start + r;
    for (let i = histOffsets[u]; i < histOffsets[u + 1]; i++) out[r * N + histItems[i]] = 1;
  }
}

/** Per example 1/(n_u − 1): the weight of each other history item when the target is left out; 0 when n_u ≤ 1. */
export function fillLeaveOneOutWeights(split: Split, users: Int32Array, out: Float32Array): void {
  for (let b = 0; b < users.length; b++) out[b] = leaveOneOutWeight(split.histOffsets[users[b] + 1] - split.histOffsets[users[b]]);
}
