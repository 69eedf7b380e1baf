/**
 * A short fingerprint of a split, so a shipped teacher checkpoint is only used on exactly the
 * split it was trained on (same data, same seed, same held-out items): a teacher that saw a
 * student's test items would make distillation look better than it is.
 */
import type { Split } from './types';

function fnv(h: number, arr: ArrayLike<number>): number {
  for (let i = 0; i < arr.length; i++) {
    let x = arr[i] | 0;
    for (let k = 0; k < 4; k++) {
      h ^= x & 0xff;
      h = Math.imul(h, 0x01000193) >>> 0;
      x >>>= 8;
    }
  }
  return h;
}

/** FNV-1a over the split's sizes, train pairs and held-out items, as 8 hex digits. */
export function splitFingerprint(s: Split): string {
  let h = 0x811c9dc5;
  h = fnv(h, [s.nUsers, s.nItems]);
  h = fnv(h, s.trainUsers);
  h = fnv(h, s.trainItems);
  h = fnv(h, s.valItem);
  h = fnv(h, s.testItem);
  return h.toString(16).padStart(8, '0');
}
