/**
 * The transfer panel in real Chromium, with small settings: the year cut's domain counts on the
 * built-in dataset, a run in the worker with progress, every mode's result, no console error; then
 * the other domain rules on an uploaded dataset: a second file as the target domain (counts, its
 * bad line named, a short run) and a list of source item ids.
 */
import { expect, test } from '@playwright/test';
import { panel as panelNamed, watchPage } from './helpers';

test('the transfer panel runs every mode on the built-in dataset', async ({ page, baseURL }) => {
  test.setTimeout(420_000);
  const watch = watchPage(page, baseURL!);
  await page.goto('/');
  const panel = page.getByTestId('panel-transfer');
  await expect(panel.getByRole('heading', { name: 'Transfer across domains' })).toBeVisible();
  // the reference's domain counts for a cut at 2000
  await expect(panel.getByText('Source: 965 items, 105,820 interactions · target: 1,035 items, 95,881 interactions', { exact: false })).toBeVisible({ timeout: 60_000 });

  // a cut outside the catalogue leaves a domain empty: a sentence, and no run
  await panel.getByLabel('Cut year', { exact: true }).fill('-3000');
  await expect(panel.getByText('one domain has no books', { exact: false })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Run transfer' })).toBeDisabled();
  await panel.getByLabel('Cut year', { exact: true }).fill('2000');

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
  // the curve needs a second keep's run: as long a wait as the first one's on a loaded machine
  await expect(panel.getByRole('img', { name: 'Keep curve: NDCG@10 of each mode against the share of target data kept' })).toBeVisible({ timeout: 400_000 });
  await expect(panel.getByRole('button', { name: 'Cancel' })).toBeDisabled({ timeout: 400_000 });
  await panel.screenshot({ path: 'e2e/screenshots/transfer-panel.png' });
  watch.expectClean();
});

/** `user,item,rating` lines: each user rates `perUser` distinct items of 1..catalog (deterministic). */
function ratings(users: number[], perUser: number, catalog: number, step: number): { lines: string[]; items: Set<string>; users: Set<string> } {
  const lines: string[] = [];
  const items = new Set<string>();
  for (const u of users) {
    for (let k = 0; k < perUser; k++) {
      const item = String(((u * step + k * 7) % catalog) + 1);
      items.add(item);
      lines.push(`u${u},${item},${1 + ((u + k) % 5)}`);
    }
  }
  return { lines, items, users: new Set(users.map((u) => `u${u}`)) };
}

test('the transfer panel: a second file as the target domain, and a list of source item ids', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const watch = watchPage(page, baseURL!);
  await page.goto('/');
  const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, k) => a + k);
  // source: users 1..40 rate 8 of 30 items; target: users 11..50 (30 shared) rate 6 of 20 items, item ids overlapping
  const src = ratings(range(1, 40), 8, 30, 3);
  const tgt = ratings(range(11, 50), 6, 20, 5);
  const tgtLines = [...tgt.lines];
  tgtLines.splice(3, 0, 'u12,3,x'); // line 5 with the header: a rating that is not a number
  await panelNamed(page, 'Dataset').getByLabel('Ratings file').setInputFiles({ name: 'books.csv', mimeType: 'text/csv', buffer: Buffer.from(['user,item,rating', ...src.lines].join('\n')) });
  const panel = page.getByTestId('panel-transfer');
  // the upload has no years: the cut cannot apply, and says what can
  await expect(panel.getByText('This dataset has no publication years', { exact: false })).toBeVisible({ timeout: 60_000 });
  await expect(panel.getByRole('button', { name: 'Run transfer' })).toBeDisabled();

  await panel.getByRole('radio', { name: /^A second ratings file as the target domain/ }).check();
  await expect(panel.getByText('Choose a ratings file for the target domain', { exact: false })).toBeVisible();
  await panel.getByLabel('Target ratings file').setInputFiles({ name: 'films.csv', mimeType: 'text/csv', buffer: Buffer.from(['user,item,rating', ...tgtLines].join('\n')) });
  const n = (x: number) => x.toLocaleString('en-US');
  const shared = [...tgt.users].filter((u) => src.users.has(u)).length;
  expect(shared).toBe(30);
  await expect(
    panel.getByText(`Source: ${n(src.items.size)} items, ${n(src.lines.length)} interactions · target: ${n(tgt.items.size)} items, ${n(tgt.lines.length)} interactions · ${shared} users in both.`),
  ).toBeVisible();
  const same = [...tgt.items].filter((i) => src.items.has(i)).length;
  await expect(panel.getByText(`${same} item ids appear in both files; each is kept as two different items, one per domain.`)).toBeVisible();
  await expect(panel.getByText(`Skipped 1 bad line of ${tgtLines.length}: line 5.`)).toBeVisible();

  // a short run: every mode on the whole target, one epoch each, weight decay chosen on validation too
  await panel.getByLabel('Target data kept (%)').fill('100');
  await panel.getByLabel('Most epochs per mode').fill('1');
  await panel.getByLabel('Also choose weight decay on validation (about 4× slower)').check();
  await panel.getByRole('button', { name: 'Run transfer' }).click();
  await expect(panel.getByText(`Target at 100%: ${n(tgt.items.size)} items`, { exact: false })).toBeVisible({ timeout: 120_000 });
  await expect(panel.getByRole('rowheader', { name: /^Small student \+ KD/ })).toBeVisible();
  // what validation chose: the pretraining's one value, and per mode one of the grid's
  await expect(panel.getByText('Source pretraining: best epoch 1, weight decay 0.00003, both chosen on a source validation item.')).toBeVisible();
  await expect(panel.getByRole('columnheader', { name: 'Weight decay chosen' })).toBeVisible();
  for (const mode of ['From scratch', 'Frozen users', 'Fine-tune', 'Joint', 'Small student alone', 'Small student \\+ KD']) {
    const row = panel.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${mode}`) }) });
    expect(['0', '0.0001', '0.0003', '0.001']).toContain(await row.getByRole('cell').last().textContent());
  }
  await expect(panel.getByRole('button', { name: 'Cancel' })).toBeDisabled();
  await panel.screenshot({ path: 'e2e/screenshots/transfer-two-files.png' });

  // a target file that shares no user: a sentence, and no run
  await panel.getByLabel('Target ratings file').setInputFiles({ name: 'strangers.csv', mimeType: 'text/csv', buffer: Buffer.from('user,item\nx1,1\nx1,2\nx2,1\n') });
  await expect(panel.getByText('The two domains share no user', { exact: false })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Run transfer' })).toBeDisabled();

  // a list of source item ids (a file name carrying HTML shows as text)
  await panel.getByRole('radio', { name: /^A list of source item ids/ }).check();
  await expect(panel.getByText('Choose a file that lists the source domain’s item ids.')).toBeVisible();
  const evil = '<img src=x onerror=alert(1)>.txt';
  const listed = range(1, 15).map(String);
  await panel.getByLabel('Source item ids', { exact: true }).setInputFiles({ name: evil, mimeType: 'text/plain', buffer: Buffer.from(listed.join(',')) });
  await expect(panel.getByText(`${evil}: 15 item ids read.`)).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  const inList = src.lines.filter((l) => listed.includes(l.split(',')[1])).length;
  const listedItems = [...src.items].filter((i) => listed.includes(i)).length;
  await expect(
    panel.getByText(`Source: ${listedItems} items, ${n(inList)} interactions · target: ${src.items.size - listedItems} items, ${n(src.lines.length - inList)} interactions ·`, { exact: false }),
  ).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Run transfer' })).toBeEnabled();
  watch.expectClean();
});
