/**
 * Issue 4 in real Chromium: the first screen shows the built-in dataset's statistics with no
 * click; an uploaded u.data file shows its own; a broken file gets a line-numbered error while the
 * previous dataset stays; a title carrying HTML shows as literal text and runs nothing.
 */
import { expect, test } from '@playwright/test';
import { int, labelled, panel, udataFile, watchPage } from './helpers';

test('the built-in dataset, an upload, a refused file and an HTML title', async ({ page, baseURL }) => {
  const watch = watchPage(page, baseURL!);
  await page.goto('/');
  const dataset = panel(page, 'Dataset');

  // built-in statistics with no click
  await expect(labelled(dataset, 'Users')).toHaveText('2,668', { timeout: 30_000 });
  await expect(labelled(dataset, 'Items')).toHaveText('2,000');
  await expect(labelled(dataset, 'Interactions')).toHaveText('201,701');
  await expect(dataset.getByText('goodbooks-2k', { exact: true })).toBeVisible();
  await expect(dataset.getByRole('link', { name: 'CC BY-SA 4.0' })).toBeVisible();

  // a u.data-style upload
  const gen = udataFile(50, 20, 300);
  await dataset.getByLabel('Ratings file').setInputFiles({ name: 'u.data', mimeType: 'text/plain', buffer: gen.buffer });
  await expect(labelled(dataset, 'Users')).toHaveText(int(gen.users));
  await expect(labelled(dataset, 'Items')).toHaveText(int(gen.items));
  await expect(labelled(dataset, 'Interactions')).toHaveText(int(gen.interactions));
  await expect(dataset.getByText('u.data', { exact: true })).toBeVisible();

  // a broken file: refused with its line number; the u.data statistics stay
  const broken = ['1\t10\t5\t881250949', '1\t11\t4\t881250950', '2\t10\tabc\t881250951', '2\t12\t3', '3\t13\t2\t881250953\t9', '3\t14\t1\t881250954'].join('\n');
  await dataset.getByLabel('Ratings file').setInputFiles({ name: 'broken.data', mimeType: 'text/plain', buffer: Buffer.from(broken) });
  const error = dataset.getByRole('alert');
  await expect(error).toContainText(/line \d+/);
  await expect(error).toContainText('broken.data');
  await expect(labelled(dataset, 'Users')).toHaveText(int(gen.users));
  await expect(labelled(dataset, 'Interactions')).toHaveText(int(gen.interactions));

  // ratings plus a titles file with HTML in a title: shown as text, nothing runs
  const evil = '<img src=x onerror=alert(1)>';
  const firstItem = gen.buffer.toString().split('\t')[1];
  const titles = `item_id,title\n${firstItem},"${evil}"\n`;
  await dataset.getByLabel('Titles file (optional)').setInputFiles({ name: 'titles.csv', mimeType: 'text/csv', buffer: Buffer.from(titles) });
  await dataset.getByLabel('Ratings file').setInputFiles({ name: 'u.data', mimeType: 'text/plain', buffer: gen.buffer });
  await expect(dataset.getByText('Titles read: 1')).toBeVisible();
  await expect(dataset.getByText(evil, { exact: true })).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(error).toHaveCount(0);

  // the synthetic demo replaces it at once
  await dataset.getByRole('button', { name: 'Synthetic demo' }).click();
  await expect(labelled(dataset, 'Users')).toHaveText('600');
  await expect(labelled(dataset, 'Items')).toHaveText('400');

  watch.expectClean();
});
