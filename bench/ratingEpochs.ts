/**
 * `npx tsx bench/ratingEpochs.ts [wasm|cpu] [epochs]`: seconds per epoch of the rating task's
 * three phases on the built-in goodbooks-2k ratings in Node — an AutoRec teacher epoch and its
 * validation scoring (the full items × users forward), an epoch of the teacher's MF part and its
 * validation scoring, and one lockstep epoch of the student alone and the KD student — at the
 * studio's default settings. Times are printed, never asserted: the machines are shared and noisy.
 */
import * as tf from '@tensorflow/tfjs-core';
import { loadData } from '../src/cli/experiment';
import { splitRatings } from '../src/data/ratingSplit';
import { defaultRatingRunConfig } from '../src/models/ratingConfig';
import { startBackend } from '../src/train/backends';
import type { BackendName } from '../src/train/protocol';
import { RatingEngine } from '../src/train/ratingEngine';

const backend = (process.argv[2] ?? 'wasm') as BackendName;
const epochs = Number(process.argv[3] ?? 2);
const err = await startBackend(backend);
if (err) throw new Error(`${backend}: ${err}`);
const split = splitRatings(await loadData(), { seed: 1 });
const engine = new RatingEngine(split, defaultRatingRunConfig);
const rows: Record<string, number[]> = {};
const time = async (name: string, f: () => Promise<unknown>) => {
  const t0 = performance.now();
  await f();
  (rows[name] ??= []).push((performance.now() - t0) / 1000);
};
for (let e = 0; e < epochs; e++) {
  await time('teacher epoch', () => engine.teacherEpoch());
  await time('teacher val scoring', () => engine.teacherPredictions('autorec'));
  await time('teacher MF epoch', () => engine.teacherMfEpoch());
  await time('teacher MF val scoring', () => engine.predict('teacherMf', split.val));
}
await engine.freezeTeacher();
for (let e = 0; e < epochs; e++) await time('students epoch (alone + KD)', () => engine.studentsEpoch({ student: true, kd: true }));
engine.dispose();
console.log(`${split.nUsers} users × ${split.nItems} items, ${split.train.users.length} training ratings; backend ${tf.getBackend()}; seconds per call (each of ${epochs}):`);
for (const [name, xs] of Object.entries(rows)) console.log(`  ${name.padEnd(28)} ${xs.map((x) => x.toFixed(2)).join('  ')}`);
