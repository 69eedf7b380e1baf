/**
 * Parity: the same seed and steps on webgpu give the losses of the cpu backend (within 1e-3).
 * This is what catches silent kernel bugs such as webgpu's split-K matMul ignoring transposeB
 * (shared/notes/webgpu-training.md): the shapes below (2,000 items, batch 64, dims multiple of 4)
 * take that kernel path in the backward pass. Checked: with DS_DEBUG_NO_MATMUL_FIX=1 (flag not set)
 * the losses drift past 1e-3 by step 6 and this test fails; with the fix they agree to ~1e-6.
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { installNodeWebGpu } from '../test/nodeWebgpu';
import { PARITY_STEPS, PARITY_TOLERANCE, parityConfig, paritySplit } from '../../bench/parity';
import { chooseBackend } from './backends';
import { DistillEngine } from './engine';

const split = paritySplit();
const config = parityConfig;

async function losses(steps: number): Promise<number[]> {
  const e = new DistillEngine(split, config);
  const out: number[] = [];
  for (let i = 0; i < steps; i++) {
    const r = (await e.stepAndRead(true))!;
    out.push(r.teacher, r.student, r.kdHard, r.kdDistill);
  }
  e.dispose();
  return out;
}

const STEPS = PARITY_STEPS;
const why = await installNodeWebGpu();

describe.skipIf(why !== null)(`webgpu ↔ cpu parity in Node${why ? ` (skipped: ${why})` : ''}`, () => {
  afterAll(async () => {
    await tf.setBackend('cpu');
  });
  it(`losses of ${STEPS} steps of every model agree within 1e-3`, async () => {
    await tf.setBackend('cpu');
    const cpu = await losses(STEPS);
    const report = await chooseBackend('webgpu');
    expect(report.backend).toBe('webgpu');
    if (!process.env.DS_DEBUG_NO_MATMUL_FIX) expect(tf.env().get('WEBGPU_MATMUL_PROGRAM_TYPE')).toBe(3);
    const gpu = await losses(STEPS);
    for (let i = 0; i < cpu.length; i++) expect(Math.abs(gpu[i] - cpu[i]), `loss ${i}: ${gpu[i]} vs ${cpu[i]}`).toBeLessThan(PARITY_TOLERANCE);
  }, 300_000);
});
