/**
 * Issue 8 (compression) in real Chromium: on the built-in dataset with the shipped teacher, a short
 * training run, then the compression panel compresses the three models in the worker and shows the
 * size-vs-NDCG@10 chart and the fp32 / fp16 / int8 table. Fails on console errors, dialogs and
 * requests to other origins. Reads visible text only.
 */
import { expect, test } from '@playwright/test';
import { lossPoints, num, waitForReady, watchPage } from './helpers';

test('compression panel: compress the trained models, see the chart and the table', async ({ page, baseURL }) => {
  test.setTimeout(420_000);
  const watch = watchPage(page, baseURL!);
  await page.goto('/?epochs=1');
  await waitForReady(page, 180_000);
  const p = page.getByTestId('panel-compress');
  await expect(p.getByText(/int8: q = round|q = round\(w \/ s\)/).first()).toBeVisible();

  // a few training steps, then compress: the worker pauses training first
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => lossPoints(page), { timeout: 120_000 }).toBeGreaterThan(2);
  await p.getByLabel('Users scored').selectOption('200');
  await p.getByLabel('Pruning up to').selectOption('0.9');
  await p.getByRole('button', { name: 'Compress and score' }).click();
  await expect(p.getByRole('progressbar', { name: 'Compression progress' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 60_000 }); // paused

  const table = p.getByRole('table');
  await expect(table).toBeVisible({ timeout: 300_000 });
  const row = (name: string) => table.getByRole('row', { name: new RegExp(`^${name.replace(/[()+]/g, '\\$&')}`) }).getByRole('cell').allTextContents();
  const [, kdInt8Change, kdInt8Ndcg] = await row('Student + KD · int8 (per tensor)');
  expect(num(kdInt8Change)).toBeLessThanOrEqual(-74); // one byte per value and four scales: −75%
  expect(num(kdInt8Ndcg)).toBeGreaterThan(0);
  const [, fp16Change] = await row('Teacher · fp16');
  expect(num(fp16Change)).toBeCloseTo(-50, 0);
  await expect(p.getByText(/^Scored on 200 users/)).toBeVisible();
  // the chart drew the sweeps: one curve per model and method
  await expect(p.locator('.recharts-scatter')).toHaveCount(9);

  // switching the int8 view changes the chart only, without another sweep
  await p.getByLabel('One scale per user / item row').check();
  await expect(table).toBeVisible();
  await p.screenshot({ path: 'e2e/screenshots/compress-panel.png' });
  watch.expectClean();
});
