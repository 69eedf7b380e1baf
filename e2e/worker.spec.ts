/**
 * The training worker in real Chromium (issue: live training in a Web Worker), driven through the
 * bench page's harness around the studio's own TrainClient: backend choice and forcing, the
 * message stream, live temperature, pause / step / reset, flat tensor counts, and cpu parity.
 */
import { expect, test, type Page } from '@playwright/test';
import { PARITY_STEPS, PARITY_TOLERANCE } from '../bench/parity';

async function openHarness(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/bench.html');
  await page.waitForFunction(() => window.benchApi !== undefined);
  return errors;
}

/** Waits until the worker has sent a message of the type that satisfies `pred` (evaluated in the page). */
async function waitFor(page: Page, fn: string, timeout = 120_000): Promise<void> {
  await page.waitForFunction(fn, undefined, { timeout, polling: 100 });
}

const progress = (page: Page) => page.evaluate(() => window.benchApi.trainer.last('progress'));
const rows = (page: Page) =>
  page.evaluate(() => window.benchApi.trainer.messages.flatMap((m) => (m.msg.type === 'metrics' ? m.msg.rows : [])));

test('auto picks a backend and says why; the built-in run streams losses; T, pause, step and reset behave', async ({ page }) => {
  const errors = await openHarness(page);
  await page.evaluate(() => window.benchApi.trainer.init('auto'));
  await waitFor(page, `window.benchApi.trainer.last('ready') !== null`);
  const ready = await page.evaluate(() => window.benchApi.trainer.last('ready')!.report);
  // This machine's headless Chromium has WebGPU and WebGL only on SwiftShader: the probe must pick wasm.
  console.log('auto backend:', JSON.stringify(ready));
  expect(['webgpu', 'webgl', 'wasm']).toContain(ready.backend);
  expect(ready.reason.key).toMatch(/^backend\.reason\./);
  if (ready.adapter?.isFallback || ready.adapter?.architecture === 'swiftshader') expect(ready.probes.length).toBeGreaterThan(1);

  await page.evaluate(() => window.benchApi.trainer.load('builtin', {}, { reportEvery: 1 }));
  await waitFor(page, `window.benchApi.trainer.last('progress')?.status === 'ready'`);
  const start = (await progress(page))!;
  expect(start.step).toBe(0);

  await page.evaluate(() => window.benchApi.trainer.send({ type: 'start' }));
  await waitFor(page, `window.benchApi.trainer.messages.some(m => m.msg.type === 'metrics' && m.msg.rows.length > 0)`, 30_000);
  const firstLossMs = await page.evaluate(() => {
    const t = window.benchApi.trainer;
    return t.messages.find((m) => m.msg.type === 'metrics' && m.msg.rows.length > 0)!.at - t.sentAt.start;
  });
  console.log(`first loss point ${firstLossMs.toFixed(0)} ms after start`);

  // A temperature change mid-run changes the soft-loss values of the next steps.
  await waitFor(page, `window.benchApi.trainer.messages.flatMap(m => m.msg.type === 'metrics' ? m.msg.rows : []).length >= 5`);
  const before = (await rows(page)).length;
  await page.evaluate(() => {
    const hyper = { distill: { loss: 'soft' as const, temperature: 4, alpha: 1, rankK: 10, rankDecay: 5, unseenOnly: false, lr: 0.01 }, studentLr: 0.01, teacherLr: 0.003 };
    window.benchApi.trainer.send({ type: 'set-hyper', hyper });
  });
  await waitFor(page, `window.benchApi.trainer.messages.flatMap(m => m.msg.type === 'metrics' ? m.msg.rows : []).length >= ${before + 8}`);
  const all = await rows(page);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const softBefore = mean(all.slice(0, before).map((r) => r.kdDistill));
  const softAfter = mean(all.slice(-4).map((r) => r.kdDistill));
  console.log(`soft loss at the default T ≈ ${softBefore.toFixed(4)}, at T=4 ≈ ${softAfter.toFixed(4)}`);
  expect(Math.abs(softAfter - softBefore) / softBefore).toBeGreaterThan(0.2);

  // Pause: no more metrics arrive.
  await page.evaluate(() => window.benchApi.trainer.send({ type: 'pause' }));
  await page.waitForTimeout(500);
  const n1 = await page.evaluate(() => window.benchApi.trainer.messages.length);
  const s1 = (await progress(page))!.step;
  await page.waitForTimeout(1500);
  expect(await page.evaluate(() => window.benchApi.trainer.messages.length)).toBe(n1);

  // Step: exactly one.
  await page.evaluate(() => window.benchApi.trainer.send({ type: 'step' }));
  await waitFor(page, `window.benchApi.trainer.last('progress').step === ${s1 + 1}`);
  await page.waitForTimeout(500);
  expect((await progress(page))!.step).toBe(s1 + 1);

  // Reset: back to step 0 with the tensor count it started with.
  await page.evaluate(() => window.benchApi.trainer.send({ type: 'reset' }));
  await waitFor(page, `window.benchApi.trainer.last('progress').step === 0 && window.benchApi.trainer.last('progress').status === 'ready'`);
  expect((await progress(page))!.numTensors).toBe(start.numTensors);
  expect(errors).toEqual([]);
});

test('numTensors stays flat across 1,000 steps and 5 resets', async ({ page }) => {
  test.setTimeout(600_000);
  const errors = await openHarness(page);
  await page.evaluate(() => window.benchApi.trainer.init('wasm'));
  await waitFor(page, `window.benchApi.trainer.last('ready') !== null`);
  await page.evaluate(() => window.benchApi.trainer.load('synthetic', { batchSize: 128 }, { epochs: 1000, evalEvery: 100 }));
  await waitFor(page, `window.benchApi.trainer.last('progress')?.status === 'ready'`);
  const start = (await progress(page))!.numTensors;
  await page.evaluate(() => window.benchApi.trainer.send({ type: 'start' }));
  await waitFor(page, `window.benchApi.trainer.last('progress').step >= 20`);
  const early = (await progress(page))!.numTensors;
  await waitFor(page, `window.benchApi.trainer.last('progress').step >= 1000`, 400_000);
  const late = (await progress(page))!;
  console.log(`numTensors: ${start} after load, ${early} at step 20, ${late.numTensors} at step ${late.step}`);
  expect(late.numTensors).toBe(early);
  await page.evaluate(() => window.benchApi.trainer.send({ type: 'pause' }));
  for (let i = 0; i < 5; i++) {
    await page.evaluate(() => window.benchApi.trainer.send({ type: 'reset' }));
    await waitFor(page, `window.benchApi.trainer.last('progress').step === 0 && window.benchApi.trainer.last('progress').status === 'ready'`);
    expect((await progress(page))!.numTensors).toBe(start);
    if (i < 4) {
      await page.evaluate(() => window.benchApi.trainer.send({ type: 'start' }));
      await waitFor(page, `window.benchApi.trainer.last('progress').step >= 30`);
      await page.evaluate(() => window.benchApi.trainer.send({ type: 'pause' }));
    }
  }
  expect(errors).toEqual([]);
});

for (const backend of ['webgpu', 'webgl', 'wasm'] as const) {
  test(`forced ${backend}: the worker runs on it and trains`, async ({ page }) => {
    const errors = await openHarness(page);
    await page.evaluate((b) => window.benchApi.trainer.init(b), backend);
    await waitFor(page, `window.benchApi.trainer.last('ready') !== null`);
    const ready = await page.evaluate(() => window.benchApi.trainer.last('ready')!.report);
    expect(ready.backend).toBe(backend);
    expect(ready.reason.key).toBe('backend.reason.override');
    await page.evaluate(() => window.benchApi.trainer.load('synthetic', { batchSize: 64 }, { reportEvery: 1, evalEvery: 1000 }));
    await waitFor(page, `window.benchApi.trainer.last('progress')?.status === 'ready'`, 170_000);
    await page.evaluate(() => window.benchApi.trainer.send({ type: 'step' }));
    await page.evaluate(() => window.benchApi.trainer.send({ type: 'step' }));
    await waitFor(page, `window.benchApi.trainer.last('progress').step === 2`, 60_000);
    const r = await rows(page);
    expect(r.length).toBe(2);
    for (const row of r) for (const k of ['teacher', 'student', 'kdHard', 'kdDistill'] as const) expect(Number.isFinite(row[k])).toBe(true);
    expect(errors).toEqual([]);
  });

  test(`parity: ${backend} losses match cpu within ${PARITY_TOLERANCE}`, async ({ page }) => {
    await openHarness(page);
    const r = await page.evaluate(([b, steps]) => window.benchApi.ask({ type: 'parity', backend: b, steps }), [backend, PARITY_STEPS] as const);
    if (r.type === 'error') throw new Error(r.message);
    if (r.type !== 'parity') throw new Error(`unexpected ${r.type}`);
    expect(r.report.backend).toBe(backend);
    const worst = Math.max(...r.cpu.map((c, i) => Math.abs(r.other[i] - c)));
    console.log(`${backend} vs cpu: worst loss difference ${worst.toExponential(2)} over ${PARITY_STEPS} steps`);
    expect(worst).toBeLessThan(PARITY_TOLERANCE);
  });
}

test('a lost WebGPU device falls back and continues from the last weights, not from zero', async ({ page }) => {
  const errors = await openHarness(page);
  await page.evaluate(() => window.benchApi.trainer.init('webgpu'));
  await waitFor(page, `window.benchApi.trainer.last('ready') !== null`);
  test.skip((await page.evaluate(() => window.benchApi.trainer.last('ready')!.report.backend)) !== 'webgpu', 'no WebGPU here');
  await page.evaluate(() => window.benchApi.trainer.load('synthetic', { batchSize: 64 }, { reportEvery: 1, evalEvery: 4 }));
  await waitFor(page, `window.benchApi.trainer.last('progress')?.status === 'ready'`, 170_000);
  await page.evaluate(() => window.benchApi.trainer.send({ type: 'start' }));
  await waitFor(page, `window.benchApi.trainer.last('progress').step >= 9`, 120_000);
  await page.evaluate(() => window.benchApi.trainer.send({ type: 'debug-lose-device' }));
  await waitFor(page, `window.benchApi.trainer.messages.filter(m => m.msg.type === 'ready').length === 2`, 120_000);
  const ready = await page.evaluate(() => window.benchApi.trainer.last('ready')!.report);
  expect(ready.reason).toEqual({ key: 'backend.reason.deviceLost', from: 'webgpu' });
  expect(ready.backend).not.toBe('webgpu');
  const lostAt = await page.evaluate(() => window.benchApi.trainer.last('error')!.message);
  expect(lostAt).toMatch(/device was lost; training continues on \w+ from step (\d+)/);
  const fromStep = Number(/from step (\d+)/.exec(lostAt)![1]);
  expect(fromStep).toBeGreaterThanOrEqual(8);
  await waitFor(page, `window.benchApi.trainer.last('progress').step >= ${fromStep + 3}`, 120_000);
  const r = await rows(page);
  const last = r[r.length - 1];
  expect(Number.isFinite(last.kdTotal)).toBe(true);
  await page.evaluate(() => window.benchApi.trainer.send({ type: 'pause' }));
  // the lost device itself logs nothing to the console that the app did not handle
  expect(errors.filter((e) => !/lost|destroyed/i.test(e))).toEqual([]);
});
