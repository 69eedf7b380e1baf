/**
 * The transfer panel in real Chromium, once, with small settings: the year cut's domain counts
 * on the built-in dataset, a run in the worker with progress, every mode's result, no console error.
 */
import { expect, test } from '@playwright/test';
import { watchPage } from './helpers';

test('the transfer panel runs every mode on the built-in dataset', async ({ page, baseURL }) => {
  test.setTimeout(420_000);
  const watch = watchPage(page, baseURL!);
  await page.goto('/');
  const panel = page.getByTestId('panel-transfer');
  await expect(panel.getByRole('heading', { name: 'Transfer across domains' })).toBeVisible();
  // the reference's domain counts for a cut at 2000
  await expect(panel.getByText('Source: 965 books, 105,820 interactions · target: 1,035 books, 95,881 interactions', { exact: false })).toBeVisible({ timeout: 60_000 });

  // a cut outside the catalogue leaves a domain empty: a sentence, and no run
  await panel.getByLabel('Cut year').fill('-3000');
  await expect(panel.getByText('one domain has no books', { exact: false })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Run transfer' })).toBeDisabled();
  await panel.getByLabel('Cut year').fill('2000');

  await panel.getByLabel('Target data kept (%)').fill('5');
  await panel.getByLabel('Most epochs per mode').fill('1');
  await panel.getByLabel('Also draw the keep curve (5, 20, 50, 100 %)').check();
  await panel.getByRole('button', { name: 'Run transfer' }).click();
  await expect(panel.getByRole('progressbar', { name: 'Transfer progress' })).toBeVisible();
  await expect(panel.getByText('Target at 5%', { exact: false })).toBeVisible({ timeout: 400_000 });
  for (const mode of ['Popularity', 'From scratch', 'Frozen users', 'Fine-tune', 'Joint', 'Small student alone', 'Small student + KD']) {
    await expect(panel.getByRole('rowheader', { name: new RegExp(`^${mode.replace('+', '\\+')}`) })).toBeVisible();
  }
  await expect(panel.getByRole('img', { name: 'NDCG@10 and HR@10 of each mode on the target test items' })).toBeVisible();
  await expect(panel.getByText('Cross-domain distillation: the small student goes from', { exact: false })).toBeVisible();
  await expect(panel.getByRole('img', { name: 'Keep curve: NDCG@10 of each mode against the share of target data kept' })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Cancel' })).toBeDisabled({ timeout: 400_000 });
  await panel.screenshot({ path: 'e2e/screenshots/transfer-panel.png' });
  watch.expectClean();
});
