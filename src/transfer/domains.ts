/**
 * Two domains with shared users, made from one dataset: every item goes to the source domain, the
 * target domain, or neither, by a rule the person picks (a year cut, a label such as a genre, or a
 * list of source item ids). Each domain gets its own dense item ids; users keep theirs, which is
 * what lets a user embedding learned on the source be reused on the target. Pure TS.
 */
import { Rng } from '../data/rng';
import { rowsByKey } from '../data/rowsByKey';
import { assembleSplit } from '../data/split';
import type { Split } from '../data/types';

/** Per dense item of the dataset: 0 source, 1 target, −1 in neither (e.g. no year known). */
export type DomainOf = Int8Array;

export const SOURCE = 0;
export const TARGET = 1;

/**
 * Items with a value before `cut` are the source, from `cut` on the target. Items without a value
 * go where `unknown` says: the target by default, as in the PyTorch reference (NaN < cut is false),
 * and the two undated books of goodbooks-2k are both from the 2000s.
 */
export function domainsByCut(values: ArrayLike<number>, cut: number, unknown: -1 | 0 | 1 = TARGET): DomainOf {
  const out = new Int8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = Number.isNaN(v) ? unknown : v < cut ? SOURCE : TARGET;
  }
  return out;
}

/** Items carrying `target` among their labels are the target, items with other labels the source; unlabelled items neither. */
export function domainsByLabel(labels: readonly (readonly string[] | null | undefined)[], target: string): DomainOf {
  const want = target.trim().toLowerCase();
  return Int8Array.from(labels, (ls) => (!ls || ls.length === 0 ? -1 : ls.some((l) => l.trim().toLowerCase() === want) ? TARGET : SOURCE));
}

/** Items whose id (as written in the file) is listed are the source, all others the target. */
export function domainsBySourceIds(itemKeys: readonly string[], sourceIds: ReadonlySet<string>): DomainOf {
  return Int8Array.from(itemKeys, (k) => (sourceIds.has(k) ? SOURCE : TARGET));
}

/** One domain's interactions with its own dense item ids (users keep the dataset's ids). */
export interface Domain {
  /** Domain item id → the dataset's dense item id. */
  items: Int32Array;
  users: Int32Array;
  /** Per interaction: the domain's item id. */
  itemIds: Int32Array;
}

export interface Domains {
  nUsers: number;
  source: Domain;
  target: Domain;
  /** Users with interactions in both domains. */
  sharedUsers: number;
}

/**
 * Splits interactions into the two domains.
 * @example splitDomains(ds.users, ds.items, ds.nUsers, domainsByCut(ds.years!, 2000)).source.items.length // → 965 on goodbooks-2k
 */
export function splitDomains(users: Int32Array, items: Int32Array, nUsers: number, domainOf: DomainOf): Domains {
  const local = new Int32Array(domainOf.length).fill(-1);
  const counts = [0, 0];
  for (let i = 0; i < domainOf.length; i++) if (domainOf[i] >= 0) local[i] = counts[domainOf[i]]++;
  const itemsOf = [new Int32Array(counts[0]), new Int32Array(counts[1])];
  for (let i = 0; i < domainOf.length; i++) if (domainOf[i] >= 0) itemsOf[domainOf[i]][local[i]] = i;
  const n = [0, 0];
  for (let r = 0; r < users.length; r++) if (domainOf[items[r]] >= 0) n[domainOf[items[r]]]++;
  const us = [new Int32Array(n[0]), new Int32Array(n[1])];
  const is = [new Int32Array(n[0]), new Int32Array(n[1])];
  const fill = [0, 0];
  const seen = new Uint8Array(nUsers);
  for (let r = 0; r < users.length; r++) {
    const d = domainOf[items[r]];
    if (d < 0) continue;
    us[d][fill[d]] = users[r];
    is[d][fill[d]++] = local[items[r]];
    seen[users[r]] |= 1 << d;
  }
  let sharedUsers = 0;
  for (let u = 0; u < nUsers; u++) if (seen[u] === 3) sharedUsers++;
  return {
    nUsers,
    source: { items: itemsOf[0], users: us[0], itemIds: is[0] },
    target: { items: itemsOf[1], users: us[1], itemIds: is[1] },
    sharedUsers,
  };
}

/** How many of n training interactions thinning keeps: a `keep` share, at least one. */
export function keptCount(n: number, keep: number): number {
  return n === 0 ? 0 : Math.min(n, Math.max(1, Math.round(keep * n)));
}

/** Builds a Split from per-user train item lists and held-out items. */
function toSplit(nUsers: number, nItems: number, train: Int32Array[], valItem: Int32Array, testItem: Int32Array, seed: number, minInteractions: number): Split {
  // a user is evaluated when it has a validation item (the source split has no test items)
  const histOffsets = new Int32Array(nUsers + 1);
  for (let u = 0; u < nUsers; u++) histOffsets[u + 1] = histOffsets[u] + train[u].length;
  const trainItems = new Int32Array(histOffsets[nUsers]);
  const evalUsers: number[] = [];
  for (let u = 0; u < nUsers; u++) {
    trainItems.set(train[u].slice().sort(), histOffsets[u]);
    if (valItem[u] >= 0) evalUsers.push(u);
  }
  return assembleSplit({ nUsers, nItems, histOffsets, trainItems, valItem, testItem, evalUsers, order: 'random', seed, minInteractions });
}

/**
 * The target split: per user with at least `minInteractions` target interactions, one random
 * validation and one random test item; the rest thinned to keptCount(n, keep) random items.
 * Held-out items depend on the seed only (not on keep), and for one seed a smaller keep keeps a
 * subset of what a larger one keeps, so a keep curve compares like with like.
 */
export function targetSplit(d: Domains, keep: number, seed: number, minInteractions = 3): Split {
  if (!(keep > 0 && keep <= 1)) throw new Error(`keep must be in (0, 1], got ${keep}`);
  const { nUsers } = d;
  const t = d.target;
  const { start, rows } = rowsByKey(t.users, nUsers);
  const held = new Rng(seed).fork(1);
  const thin = new Rng(seed).fork(2);
  const valItem = new Int32Array(nUsers).fill(-1);
  const testItem = new Int32Array(nUsers).fill(-1);
  const train: Int32Array[] = [];
  for (let u = 0; u < nUsers; u++) {
    const mine = Int32Array.from(rows.subarray(start[u], start[u + 1]), (r) => t.itemIds[r]);
    let rest = mine;
    if (mine.length >= minInteractions) {
      held.shuffle(mine);
      testItem[u] = mine[0];
      valItem[u] = mine[1];
      rest = mine.subarray(2);
    }
    thin.shuffle(rest);
    train.push(rest.slice(0, keptCount(rest.length, keep)));
  }
  return toSplit(nUsers, t.items.length, train, valItem, testItem, seed, minInteractions);
}

/**
 * The source split for pretraining: every source interaction trains except one random validation
 * item per user (the pretraining epochs are chosen on it); no test item is needed.
 */
export function sourceSplit(d: Domains, seed: number, minInteractions = 3): Split {
  const { nUsers } = d;
  const s = d.source;
  const { start, rows } = rowsByKey(s.users, nUsers);
  const rng = new Rng(seed).fork(3);
  const valItem = new Int32Array(nUsers).fill(-1);
  const train: Int32Array[] = [];
  for (let u = 0; u < nUsers; u++) {
    const mine = Int32Array.from(rows.subarray(start[u], start[u + 1]), (r) => s.itemIds[r]);
    if (mine.length >= minInteractions) {
      const k = rng.int(mine.length);
      valItem[u] = mine[k];
      mine[k] = mine[mine.length - 1];
      train.push(mine.slice(0, mine.length - 1));
    } else train.push(mine);
  }
  return toSplit(nUsers, s.items.length, train, valItem, new Int32Array(nUsers).fill(-1), seed, minInteractions);
}

/**
 * The joint split: one catalogue, source items first (0..nS−1), then target items (nS..). It
 * trains on every source interaction plus the target split's (thinned) train items; its held-out
 * items are the target split's, offset by nS.
 */
export function jointSplit(d: Domains, target: Split): Split {
  const { nUsers } = d;
  const nS = d.source.items.length;
  const { start, rows } = rowsByKey(d.source.users, nUsers);
  const train: Int32Array[] = [];
  for (let u = 0; u < nUsers; u++) {
    const src = Int32Array.from(rows.subarray(start[u], start[u + 1]), (r) => d.source.itemIds[r]);
    const tgt = Int32Array.from(target.histItems.subarray(target.histOffsets[u], target.histOffsets[u + 1]), (i) => i + nS);
    const both = new Int32Array(src.length + tgt.length);
    both.set(src);
    both.set(tgt, src.length);
    train.push(both);
  }
  const shift = (a: Int32Array) => a.map((i) => (i >= 0 ? i + nS : -1));
  return toSplit(nUsers, nS + target.nItems, train, shift(target.valItem), shift(target.testItem), target.seed, target.minInteractions ?? 3);
}
