/**
 * Test helper: puts tf on the cpu backend (bit-identical to Chromium's cpu backend) once per file.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// tfjs-core alone registers no gradients; tests compare hand-written backward passes with autodiff.
import '@tensorflow/tfjs-core/dist/register_all_gradients';

/** Selects the cpu backend and returns tf. */
export async function useCpu(): Promise<typeof tf> {
  await tf.setBackend('cpu');
  await tf.ready();
  return tf;
}

/** Max absolute difference of two same-length arrays. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}
