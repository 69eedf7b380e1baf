/**
 * Issue 9, languages, in real Chromium: with `?lang=zh` no English word is left on the main
 * screen — every text node and every aria-label, title, placeholder, alt and aria-valuetext,
 * hidden ones (closed details, option lists) included — before, during and after a short run.
 * The picker switches, the choice survives a reload and a plain visit, `?lang=en` switches
 * back, and an unknown `?lang=` gives a notice. Content marked translate="no" is data (item
 * titles, ids, dataset names and credits, hardware names, formulas) and is not checked; the
 * test also checks that such content is only data.
 */
import { expect, test, type Page } from '@playwright/test';
import { labelled, num, panel, watchPage } from './helpers';

/**
 * Latin words that stay Latin in Chinese: metric, backend, library, format and unit names, data
 * types, and the person Hinton in "软标签（Hinton）". Single letters are symbols (T, p, k).
 */
const ALLOWED = new Set([
  'NDCG@10',
  'HR@10',
  'MRR',
  'WebGPU',
  'WebGL',
  'WASM',
  'webgpu',
  'webgl',
  'wasm',
  'cpu',
  'GPU',
  'tf.js',
  'fp32',
  'fp16',
  'int8',
  // metric, model and file-format names of the rating, compression and export panels
  'RMSE',
  'MAE',
  'MSE',
  'AutoRec',
  'MF',
  'JSON',
  'PNG',
  'model.json',
  'IndexedDB',
  'ms',
  'kB',
  'MB',
  'Hinton',
  'logit',
  'MovieLens',
  'u.data',
  'ratings.dat',
  'CSV',
  'gzip',
  'TSV',
  // the built-in dataset's name and license, repeated as plain text in the credits' changes
  'goodbooks-2k',
  'CC',
  'BY-SA',
]);

/** Words of `text` written in Latin letters that are not allowed: "Step 3 of 10" → ["Step", "of"]. */
function englishWords(text: string): string[] {
  const words = text.match(/[A-Za-z][A-Za-z0-9@._-]*[A-Za-z0-9]|[A-Za-z]/g) ?? [];
  return words.filter((w) => w.length > 1 && !ALLOWED.has(w));
}

/** Every text and labelling attribute under <body> (and the tab title), outside translate="no". */
async function screenTexts(page: Page): Promise<{ texts: string[]; data: string[] }> {
  return page.evaluate(() => {
    const texts: string[] = [document.title];
    const data: string[] = [];
    const skip = (el: Element | null) => el?.closest('[translate="no"], script, style, noscript') ?? null;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim() ?? '';
      if (!text) continue;
      (skip(n.parentElement) ? data : texts).push(text);
    }
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      for (const a of ['aria-label', 'title', 'placeholder', 'alt', 'aria-valuetext']) {
        const v = el.getAttribute(a);
        if (v) (skip(el) ? data : texts).push(v);
      }
      if (el instanceof HTMLInputElement && (el.type === 'button' || el.type === 'submit') && el.value) texts.push(el.value);
    }
    return { texts, data };
  });
}

/** Fails with the offending texts when any English word is on screen. */
async function expectNoEnglish(page: Page, when: string): Promise<number> {
  const { texts } = await screenTexts(page);
  const offending = texts.map((t) => ({ t, words: englishWords(t) })).filter((x) => x.words.length > 0);
  expect(offending, `English left on the main screen ${when}`).toEqual([]);
  return texts.length;
}

/** Loss points the (Chinese) loss panel reports. */
async function zhLossPoints(page: Page): Promise<number> {
  return num(await panel(page, '训练损失').getByText(/^损失点数：/).textContent());
}

/** Ready to play: the (Chinese) Play button is enabled. */
async function waitForZhReady(page: Page): Promise<void> {
  await expect(page.getByRole('button', { name: '开始', exact: true })).toBeEnabled({ timeout: 180_000 });
  await expect(page.getByTestId('backend-badge')).not.toHaveText('…');
}

test('?lang=zh: no English label on the main screen, before, during and after a short run', async ({ page, baseURL }) => {
  test.setTimeout(420_000);
  const watch = watchPage(page, baseURL!);
  // one student epoch of large batches: a run of ~25 steps that reaches the comparison
  await page.goto('/?lang=zh&epochs=1&batch=8192');
  await waitForZhReady(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page).toHaveTitle('知识蒸馏工作室');
  await expect(page.getByRole('region', { name: '数据集', exact: true }).getByText('用户数', { exact: true })).toBeVisible();
  // the data exempt from the check is data: the dataset's name, book titles, credits
  const before = await screenTexts(page);
  expect(before.data).toContain('goodbooks-2k');
  const checkedBefore = await expectNoEnglish(page, 'on open');
  expect(checkedBefore).toBeGreaterThan(100);

  await page.getByRole('button', { name: '开始', exact: true }).click();
  await expect.poll(() => zhLossPoints(page), { timeout: 120_000 }).toBeGreaterThan(1);
  await expectNoEnglish(page, 'while training');

  const compare = page.getByRole('region', { name: '测试集上的对比', exact: true });
  await expect(compare.getByRole('table')).toBeVisible({ timeout: 300_000 });
  await expect(page.getByText('已完成', { exact: true })).toBeVisible();
  await expectNoEnglish(page, 'after the run');
  watch.expectClean();
});

test('?lang=zh: a file\'s skipped lines, a refused file and the synthetic demo read in Chinese', async ({ page, baseURL }) => {
  const watch = watchPage(page, baseURL!);
  await page.goto('/?lang=zh');
  const dataset = panel(page, '数据集');
  await expect(labelled(dataset, '用户数')).toHaveText('2,668', { timeout: 60_000 });

  // a CSV with a header and one bad rating among 1,000 lines: read, the line skipped and reported
  const rows = ['userId,movieId,rating,timestamp'];
  for (let u = 1; u <= 50; u++) for (let i = 1; i <= 20; i++) rows.push(`${u},${(u * 7 + i * 13) % 300},4,${881250000 + u * 100 + i}`);
  rows[500] = '25,1,x,881252500';
  await dataset.getByLabel('评分文件').setInputFiles({ name: '评分数据', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
  await expect(dataset.getByText('警告数：2', { exact: true })).toBeVisible();
  await expect(dataset.getByText(/^已跳过 \S+ 行数据中的 1 个坏行：第 501 行。$/)).toBeVisible();
  await expect(dataset.getByText('第 501 行：第 3 列（评分）的值是 "x"，不是有限数值："25,1,x,881252500"', { exact: true })).toBeVisible();
  await expectNoEnglish(page, 'with warnings');

  // a file whose lines mostly do not read: refused, with the first problem named, in Chinese
  const broken = ['1,2,3,4', '2,3,4,5', '3,4,5,6', '4,5,x,7', '5,6,x,8', '6,7,x,9', '7,8,x,10'].join('\n');
  await dataset.getByLabel('评分文件').setInputFiles({ name: '坏文件', mimeType: 'text/csv', buffer: Buffer.from(broken) });
  const error = dataset.getByRole('alert');
  await expect(error).toContainText('无法加载该文件。');
  await expect(error).toContainText('坏文件：坏行太多：7 行数据中有 4 行（57%）无法读取，超过了可跳过的 10%。');
  await expect(error).toContainText('第一个问题：第 4 行：第 3 列（评分）的值是 "x"，不是有限数值："4,5,x,7"');
  await expectNoEnglish(page, 'with a refused file');

  // the synthetic demo's made-up names (dataset, item titles) read in Chinese too
  await dataset.getByRole('button', { name: '合成示例', exact: true }).click();
  await expect(labelled(dataset, '用户数')).toHaveText('600');
  await expect(page.getByText('第 1 簇 · 物品 1', { exact: true }).first()).toBeVisible();
  await expectNoEnglish(page, 'with the synthetic demo');
  watch.expectClean();
});

test('the picker switches language, the choice is remembered, ?lang= selects one and an unknown one gives a notice', async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  const watch = watchPage(page, baseURL!);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Distillation Studio', level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.getByLabel('Language').selectOption({ label: '简体中文' });
  await expect(page.getByRole('heading', { name: '知识蒸馏工作室', level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBe('zh');

  // a reload keeps it, and so does a plain visit with no lang in the link (remembered)
  await page.reload();
  await expect(page.getByRole('heading', { name: '知识蒸馏工作室', level: 1 })).toBeVisible();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '知识蒸馏工作室', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: '开始', exact: true })).toBeVisible();

  // the link wins over the remembered choice
  await page.goto('/?lang=en');
  await expect(page.getByRole('heading', { name: 'Distillation Studio', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // an unknown language: a notice, and the remembered choice (now English)
  await page.goto('/?lang=fr');
  await expect(page.getByText('The link’s lang=fr is not one of en, zh; using the default en.')).toBeVisible();
  await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBe('en');
  await page.getByLabel('Language').selectOption('zh');
  await expect(page.getByText('链接中的 lang=fr 不是 en, zh 之一；已使用默认值 en。')).toBeVisible();
  watch.expectClean();
});
