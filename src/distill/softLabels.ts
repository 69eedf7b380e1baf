/**
 * The soft-label view of one user, from raw logits on the CPU: probabilities at temperature T
 * over the teacher's top-N items, entropies over the whole catalogue, and where the held-out item
 * sits. Pure TS, so moving T re-draws at once without a trip to the GPU.
 */
import { entropy, softmaxT } from './spec';

/** What the soft-label panel draws. */
export interface SoftLabelView {
  temperature: number;
  items: Int32Array;
  teacher: Float32Array;
  kd: Float32Array;
  student: Float32Array;
  teacherEntropy: number;
  kdEntropy: number;
  studentEntropy: number;
  heldOut: number;
  /** Rank of the held-out item in the teacher's distribution (0 = most probable). */
  heldOutRank: number;
  heldOutTeacher: number;
  heldOutKd: number;
  seen: Uint8Array;
  /** The distributions leave the user's history items out. */
  unseenOnly: boolean;
}

/**
 * @param logits per model, [nItems] each, in eval mode with the user's full history.
 * @param history the user's train items (marked as seen).
 * @param unseenOnly the distributions over the other items only, as the KD student is taught when
 *   distillation runs over unseen items: the bars then show what it actually learns from.
 * @example softLabelView({teacher, kd, student}, 0.5, 20, 17, hist)
 */
export function softLabelView(
  logits: { teacher: ArrayLike<number>; kd: ArrayLike<number>; student: ArrayLike<number> },
  T: number,
  topN: number,
  heldOut: number,
  history: ArrayLike<number>,
  unseenOnly = false,
): SoftLabelView {
  const seenSet = new Set(Array.from(history));
  const keep = (z: ArrayLike<number>): ArrayLike<number> => (unseenOnly && seenSet.size ? Array.from(z, (v, i) => (seenSet.has(i) ? -Infinity : v)) : z);
  const pt = softmaxT(keep(logits.teacher), T);
  const pk = softmaxT(keep(logits.kd), T);
  const ps = softmaxT(keep(logits.student), T);
  const n = pt.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => pt[b] - pt[a] || a - b);
  const k = Math.min(topN, n);
  const items = Int32Array.from(order.slice(0, k));
  let heldOutRank = 0;
  for (let i = 0; i < n; i++) if (pt[i] > pt[heldOut]) heldOutRank++;
  return {
    temperature: T,
    items,
    teacher: Float32Array.from(items, (i) => pt[i]),
    kd: Float32Array.from(items, (i) => pk[i]),
    student: Float32Array.from(items, (i) => ps[i]),
    teacherEntropy: entropy(pt),
    kdEntropy: entropy(pk),
    studentEntropy: entropy(ps),
    heldOut,
    heldOutRank,
    heldOutTeacher: pt[heldOut] ?? 0,
    heldOutKd: pk[heldOut] ?? 0,
    seen: Uint8Array.from(items, (i) => (seenSet.has(i) ? 1 : 0)),
    unseenOnly: unseenOnly && seenSet.size > 0,
  };
}

/** Top-k unseen items by score (ties: lower id), for the recommendations inspector. */
export function topUnseen(scores: ArrayLike<number>, k: number, exclude: ArrayLike<number>): Int32Array {
  const ex = new Set(Array.from(exclude));
  const ids: number[] = [];
  for (let i = 0; i < scores.length; i++) if (!ex.has(i)) ids.push(i);
  ids.sort((a, b) => scores[b] - scores[a] || a - b);
  return Int32Array.from(ids.slice(0, k));
}
