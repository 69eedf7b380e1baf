/**
 * Issue 9 (runs history, persistence, export) in real Chromium: an uploaded dataset survives a
 * reload; two finished runs are kept across reloads, listed and overlaid; the exported KD student
 * and teacher load back with tf.loadLayersModel (in Node, cpu backend) and give the studio's own
 * scores for one user and its top-10 on screen; a run report exports and imports back, and a bad
 * file gets a sentence. Every test fails on console errors, dialogs and requests to other origins.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Download, type Page } from '@playwright/test';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { int, labelled, panel, udataFile, waitForReady, watchPage } from './helpers';

// the studio's default run names, worded in the page's language (the stored name is `soft T=1 α=1`)
const N1 = 'Soft labels (Hinton), T = 1, α = 1';
const N4 = 'Soft labels (Hinton), T = 4, α = 1';
const BOTH = /Soft labels \(Hinton\), T = (1|4), α = 1/;

/** Short runs on a small upload: teacher and students train together, 4 epochs of 36 steps. */
const RUN = '/?schedule=online&epochs=4&batch=128';

/** What the export's metadata holds (src/train/exportJob.ts). */
interface Meta {
  model: string;
  probe: { user: number; history: number[]; logits: number[] };
  userKeys: string[];
  itemKeys: string[];
}

async function finishRun(page: Page): Promise<void> {
  await waitForReady(page, 180_000);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(panel(page, 'Comparison on the test items').getByRole('table')).toBeVisible({ timeout: 240_000 });
}

const runRows = (page: Page) => page.getByTestId('panel-runs').getByRole('table').getByRole('row');

/** Starts collecting downloads; `take(n)` waits for n of them. */
function downloads(page: Page) {
  const got: Download[] = [];
  page.on('download', (d) => got.push(d));
  return {
    async take(n: number): Promise<Map<string, Buffer>> {
      await expect.poll(() => got.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(n);
      const out = new Map<string, Buffer>();
      for (const d of got.splice(0, n)) out.set(d.suggestedFilename(), await readFile((await d.path())!));
      return out;
    },
  };
}

/** Loads an exported model in Node the way a user would, from model.json and the weights file. */
async function loadExport(files: Map<string, Buffer>, json: string): Promise<{ model: tfl.LayersModel; meta: Meta }> {
  const modelJson = JSON.parse(files.get(json)!.toString('utf8')) as tf.io.ModelJSON;
  const [path] = modelJson.weightsManifest[0].paths;
  const bin = files.get(path.replace(/^\.\//, ''))!;
  const weightData = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) as ArrayBuffer;
  const model = await tfl.loadLayersModel(
    tf.io.fromMemory({ modelTopology: modelJson.modelTopology, weightSpecs: modelJson.weightsManifest[0].weights, weightData, userDefinedMetadata: modelJson.userDefinedMetadata }),
  );
  return { model, meta: model.getUserDefinedMetadata() as Meta };
}

async function predict(model: tfl.LayersModel, meta: Meta, withHistory: boolean, nItems: number): Promise<Float32Array> {
  const u = tf.tensor2d([[meta.probe.user]], [1, 1], 'int32');
  const h = new Float32Array(nItems);
  for (const i of meta.probe.history) h[i] = 1 / meta.probe.history.length;
  const ht = tf.tensor2d(h, [1, nItems]);
  const y = model.predict(withHistory ? [u, ht] : u) as tf.Tensor;
  const out = (await y.data()) as Float32Array;
  tf.dispose([u, ht, y]);
  return out;
}

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

/** Dense item ids of a top-10 list in the inspector ("Item <key>", as u.data has no titles). */
async function shownTop10(page: Page, model: string, itemKeys: string[]): Promise<number[]> {
  const texts = await panel(page, 'Recommendations inspector').getByRole('list', { name: model }).getByRole('listitem').allTextContents();
  return texts.map((s) => itemKeys.indexOf(/^Item (\S+)/.exec(s)![1]));
}

test('uploads and runs survive reloads; runs overlay; exported models give the studio’s scores; reports import', async ({ page, baseURL }) => {
  test.setTimeout(900_000);
  await tf.setBackend('cpu');
  const watch = watchPage(page, baseURL!);
  const dl = downloads(page);
  const gen = udataFile(200, 25, 300);

  // run 1 (T = 1) on an uploaded file
  await page.goto(`${RUN}&T=1`);
  const dataset = panel(page, 'Dataset');
  await expect(labelled(dataset, 'Users')).toHaveText('2,668', { timeout: 60_000 });
  await dataset.getByLabel('Ratings file').setInputFiles({ name: 'u.data', mimeType: 'text/plain', buffer: gen.buffer });
  await expect(labelled(dataset, 'Users')).toHaveText(int(gen.users));
  await expect(panel(page, 'Storage').getByRole('row', { name: /^u\.data / })).toBeVisible(); // kept
  await finishRun(page);
  await expect(runRows(page).filter({ hasText: N1 })).toHaveCount(1);

  // a new link (T = 4) reloads the page: the upload comes back without a click
  await page.goto(`${RUN}&T=4`);
  await expect(labelled(panel(page, 'Dataset'), 'Users')).toHaveText(int(gen.users), { timeout: 60_000 });
  await expect(labelled(panel(page, 'Dataset'), 'Interactions')).toHaveText(int(gen.interactions));
  await expect(panel(page, 'Storage').getByRole('row', { name: /^u\.data / })).toBeVisible();
  await finishRun(page);
  await expect(runRows(page).filter({ hasText: BOTH })).toHaveCount(2);

  // export the KD student and the teacher; a fresh select-user makes the inspector show the final weights
  const inspector = panel(page, 'Recommendations inspector');
  await inspector.getByRole('button', { name: 'Next user' }).click();
  await inspector.getByRole('button', { name: 'Previous user' }).click();
  const exportPanel = page.getByTestId('panel-export');
  const results: string[] = [];
  for (const [button, name, history, list] of [
    ['Student + KD', 'kd', false, 'Student + KD'],
    ['Teacher', 'teacher', true, 'Teacher'],
  ] as const) {
    await exportPanel.getByRole('button', { name: button, exact: true }).click();
    const files = await dl.take(2);
    expect([...files.keys()].sort()).toEqual([`${name}-model.json`, `${name}.weights.bin`]);
    const { model, meta } = await loadExport(files, `${name}-model.json`);
    expect(meta.model).toBe(name);
    const scores = await predict(model, meta, history, meta.itemKeys.length);
    model.dispose();
    // the worker's own forward pass for this user, written into the file at export time
    const diff = maxAbsDiff(scores, meta.probe.logits);
    expect(diff, `${name}: loaded model vs the studio's scores`).toBeLessThan(1e-5);
    // and the top-10 the studio shows for the same user: the loaded model's ranking over unseen
    // items, less the one other held-out item the studio also leaves out
    await expect(inspector.getByText(`User id: ${meta.userKeys[meta.probe.user]}`)).toBeVisible();
    const shown = await shownTop10(page, list, meta.itemKeys);
    const seen = new Set(meta.probe.history);
    const ranked = [...scores.keys()].filter((i) => !seen.has(i)).sort((a, b) => scores[b] - scores[a]).slice(0, 11);
    const skipped = ranked.filter((i) => !shown.includes(i));
    expect(skipped.length, `${name}: ${ranked} vs shown ${shown}`).toBe(1);
    expect(ranked.filter((i) => shown.includes(i))).toEqual(shown);
    results.push(`${name} max |Δ| ${diff.toExponential(2)} over ${scores.length} items`);
  }

  // the live validation chart as PNG
  await exportPanel.getByRole('button', { name: 'Validation NDCG@10' }).click();
  const [[valName, valPng]] = [...(await dl.take(1))];
  expect(valName).toBe('validation-ndcg.png');
  expect(valPng.subarray(1, 4).toString('latin1')).toBe('PNG');
  await writeFile('e2e/screenshots/validation-export.png', valPng);

  // download a report as JSON; reload; both runs listed; overlay them
  const t4 = runRows(page).filter({ hasText: N4 });
  await t4.getByRole('button', { name: /as JSON$/ }).click();
  const [[reportName, reportBytes]] = [...(await dl.take(1))];
  expect(reportName).toMatch(/^run-soft_T=4_α=1-.*\.json$/);
  await page.reload();
  await expect(runRows(page).filter({ hasText: BOTH })).toHaveCount(2, { timeout: 60_000 });
  const runs = page.getByTestId('panel-runs');
  await runs.getByLabel(`Overlay ${N1}`).check();
  await runs.getByLabel(`Overlay ${N4}`).check();
  const chart = runs.getByTestId('runs-overlay-chart');
  await expect(chart).toHaveAttribute('aria-label', /runs: 2$/);
  await expect(chart.locator('.recharts-line')).toHaveCount(2);
  await expect(chart.locator('path.recharts-line-curve')).toHaveCount(2);
  await expect(runs.locator('.legend li')).toHaveText([N1, N4]);
  await runs.getByRole('button', { name: 'Chart as PNG' }).click();
  const [[pngName, png]] = [...(await dl.take(1))];
  expect(pngName).toBe('runs-overlay.png');
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.readUInt32BE(16)).toBeGreaterThan(400); // width, at twice the on-screen size
  await writeFile('e2e/screenshots/runs-overlay-export.png', png);
  await runRows(page).filter({ hasText: N1 }).getByRole('button', { name: /as CSV$/ }).click();
  const [[csvName, csv]] = [...(await dl.take(1))];
  expect(csvName).toMatch(/\.csv$/);
  const lines = csv.toString('utf8').split('\r\n');
  expect(lines[0]).toBe('section,step,epoch,ms,model,measure,value');
  expect(lines).toContain('config,,,,,T,1');
  expect(lines.filter((l) => l.startsWith('val,') && l.includes(',kd,ndcg,')).length).toBeGreaterThan(1);

  // import the downloaded report back, and a broken one
  const importer = runs.getByLabel('Import a run report (JSON)');
  await importer.setInputFiles({ name: reportName, mimeType: 'application/json', buffer: reportBytes });
  await expect(runRows(page).filter({ hasText: 'imported' })).toHaveCount(1);
  await expect(page.getByText(/^Imported run-soft_T=4/)).toBeVisible();
  const broken = JSON.parse(reportBytes.toString('utf8'));
  broken.val[0].kd.ndcg = 'high';
  await importer.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  await expect(page.getByText('Could not import broken.json: the field val[0].kd.ndcg should be of type number.')).toBeVisible();
  await expect(runRows(page)).toHaveCount(1 + 3);
  const imported = runRows(page).filter({ hasText: 'imported' });
  await imported.getByRole('button', { name: 'Rename' }).click();
  // while it is edited the row shows a form instead of the name and its "imported" tag
  const nameBox = page.getByTestId('panel-runs').getByLabel(/^New name for /);
  await nameBox.fill('T=4 from a colleague');
  await page.getByTestId('panel-runs').getByRole('button', { name: 'Save' }).click();
  await expect(runRows(page).filter({ hasText: 'T=4 from a colleague' })).toHaveCount(1);
  await page.getByTestId('panel-runs').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'e2e/screenshots/runs-1280x720.png', fullPage: true });

  // the storage panel: space used, the upload and the runs; delete the imported copy
  const storage = page.getByTestId('panel-storage');
  await expect(storage.getByText(/^Space used by this site: /)).toBeVisible();
  await expect(storage.getByRole('row', { name: /^u\.data / })).toBeVisible();
  await expect(storage.getByRole('row').filter({ hasText: 'run' })).toHaveCount(3);
  await runRows(page).filter({ hasText: 'imported' }).getByRole('button', { name: /^Delete / }).click();
  await expect(runRows(page)).toHaveCount(1 + 2);
  console.log(`[runs] exports: ${results.join('; ')}`);
  watch.expectClean();
});
