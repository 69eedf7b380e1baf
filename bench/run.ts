/**
 * `npm run bench`: training-step throughput of the teacher, student and KD steps on every
 * backend that starts — in Node (wasm, cpu, webgpu over Dawn) and in headless Chromium (webgpu,
 * webgl, wasm, cpu) — next to the PyTorch reference; then the studio itself in Chromium: time
 * from play to the first loss point and to the KD student leading on validation, and main-thread
 * long tasks during 30 s of training. Prints a table and writes bench/results.json.
 * Times are reported, never asserted: these machines are shared and noisy.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { writeFileSync, mkdirSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { chromium, type Page } from '@playwright/test';
import { loadData, makeSplit } from '../src/cli/experiment';
import { chooseBackend } from '../src/train/backends';
import type { BackendName } from '../src/train/protocol';
import { installNodeWebGpu } from '../src/test/nodeWebgpu';
import { chromiumArgs } from '../playwright.config';
import type { BenchResponse } from './page/protocol';
import { measureSteps, type StepRole, type StepsResult } from './steps';
import { generateUData } from '../src/data/__fixtures__/movielensLike';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const quick = process.argv.includes('--quick');
const skipBrowser = process.argv.includes('--skip-browser');
const ROLES: StepRole[] = ['teacher', 'student', 'kd'];

/** The PyTorch reference on the same data (shared/notes/reference-results.md). */
const REFERENCE = { teacher: 19_900, student: 132_400, kd: 27_700, inferMsPer1000: { teacher: 22.5, student: 5.6 } };

type Entry = (StepsResult & { backend: BackendName; note?: string }) | { backend: BackendName; error: string };
const results: { node: Record<string, Entry>; browser: Record<string, Entry | number | string | null> } = { node: {}, browser: {} };

/** Seconds and step caps per backend: software GPUs take seconds per step here. */
function budget(b: BackendName): { seconds: number; maxSteps: number } {
  if (quick) return { seconds: 2, maxSteps: 4 };
  return b === 'wasm' ? { seconds: 8, maxSteps: 400 } : b === 'cpu' ? { seconds: 6, maxSteps: 10 } : { seconds: 8, maxSteps: 6 };
}

async function nodeSection(): Promise<void> {
  const ds = await loadData();
  const split = makeSplit(ds, 1);
  const gpuWhy = await installNodeWebGpu();
  for (const b of ['wasm', 'cpu', 'webgpu'] as BackendName[]) {
    if (b === 'webgpu' && gpuWhy) {
      results.node[b] = { backend: b, error: gpuWhy };
      continue;
    }
    const report = await chooseBackend(b);
    if (report.backend !== b) {
      results.node[b] = { backend: b, error: report.failures.map((f) => f.error).join('; ') };
      continue;
    }
    process.stderr.write(`node ${b}…\n`);
    const { seconds, maxSteps } = budget(b);
    const r = await measureSteps(split, ROLES, seconds, maxSteps);
    results.node[b] = { backend: b, ...r, ...(b === 'webgpu' ? { note: 'Dawn on SwiftShader (software)' } : {}) };
  }
  await tf.setBackend('cpu');
}

async function serve(port: number): Promise<ChildProcess> {
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('vite build failed');
  const p = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: root, stdio: 'ignore', detached: true });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return p;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('vite preview did not start');
}

/** Play → first loss point, play → KD ahead on validation, long tasks during 30 s of training, in the studio itself. */
async function studioTimings(page: Page, base: string): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __bench: { start: number | null; firstLoss: number | null; kdAhead: number | null; long: number[] } };
    w.__bench = { start: null, firstLoss: null, kdAhead: null, long: [] };
    const Native = window.Worker;
    window.Worker = class extends Native {
      constructor(url: string | URL, opts?: WorkerOptions) {
        super(url, opts);
        if (opts?.name !== 'trainer') return;
        const post = this.postMessage.bind(this);
        this.postMessage = (m: unknown, t?: unknown) => {
          if ((m as { type?: string })?.type === 'start' && w.__bench.start === null) w.__bench.start = performance.now();
          return post(m, t as Transferable[]);
        };
        this.addEventListener('message', (e: MessageEvent) => {
          const m = e.data as { type: string; rows?: unknown[]; val?: { step: number; kd: { ndcg: number }; student: { ndcg: number } }[] };
          if (m.type !== 'metrics' || w.__bench.start === null) return;
          if (w.__bench.firstLoss === null && m.rows?.length) w.__bench.firstLoss = performance.now();
          if (w.__bench.kdAhead === null && m.val?.some((v) => v.step > 0 && v.kd.ndcg > v.student.ndcg)) w.__bench.kdAhead = performance.now();
        });
      }
    };
    new PerformanceObserver((list) => {
      if (w.__bench.start === null) return;
      for (const e of list.getEntries()) w.__bench.long.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  await page.goto(base + '/');
  const play = page.getByRole('button', { name: /^play/i });
  await play.waitFor({ timeout: 120_000 });
  await page.waitForFunction(() => !document.querySelector('button[aria-label^="Play" i], button:has-text("Play")')?.hasAttribute('disabled'), undefined, { timeout: 180_000 }).catch(() => undefined);
  await play.click();
  const t0 = Date.now();
  await page.waitForFunction(() => (window as unknown as { __bench: { firstLoss: number | null } }).__bench.firstLoss !== null, undefined, { timeout: 60_000 });
  while (Date.now() - t0 < 30_000) await page.waitForTimeout(1000);
  const b = await page.evaluate(() => (window as unknown as { __bench: { start: number; firstLoss: number | null; kdAhead: number | null; long: number[] } }).__bench);
  if (b.kdAhead === null) {
    await page.waitForFunction(() => (window as unknown as { __bench: { kdAhead: number | null } }).__bench.kdAhead !== null, undefined, { timeout: 120_000 }).catch(() => undefined);
  }
  const b2 = await page.evaluate(() => (window as unknown as { __bench: { start: number; firstLoss: number | null; kdAhead: number | null } }).__bench);
  results.browser.firstLossMs = b.firstLoss === null ? null : b.firstLoss - b.start;
  results.browser.kdAheadMs = b2.kdAhead === null ? null : b2.kdAhead - b2.start;
  results.browser.longTasksOver50ms = b.long.filter((d) => d > 50).length;
  results.browser.maxLongTaskMs = b.long.length ? Math.max(...b.long) : 0;
  results.browser.studioBackend = (await page.getByTestId('backend-badge').textContent().catch(() => null)) ?? null;
}

/** Parse time of a generated 1,000,000-line u.data uploaded to the studio, and main-thread long tasks meanwhile. */
async function parseTiming(page: Page, base: string): Promise<void> {
  const text = generateUData({ users: 6040, items: 3706, lines: 1_000_000, seed: 7 });
  await page.addInitScript(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  await page.goto(base + '/');
  await page.getByText('201,701').first().waitFor({ timeout: 120_000 });
  await page.waitForTimeout(3000);
  // The file is built in the page before the clock starts: handing Playwright 24 MB through
  // setInputFiles is itself a multi-second main-thread task that no user's drop would cost.
  await page.evaluate((t) => ((window as unknown as { __big: File }).__big = new File([t], 'big.data', { type: 'text/plain' })), text);
  await page.waitForTimeout(1000);
  await page.evaluate(() => ((window as unknown as { __long: number[] }).__long = []));
  const t0 = Date.now();
  await page.getByLabel('Ratings file').evaluate((input: HTMLInputElement) => {
    const dt = new DataTransfer();
    dt.items.add((window as unknown as { __big: File }).__big);
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await page.getByText('1,000,000').first().waitFor({ timeout: 120_000 });
  results.browser.parse1MMs = Date.now() - t0;
  const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
  results.browser.parse1MLongTasksOver50ms = long.filter((d) => d > 50).length;
  results.browser.parse1MMaxLongTaskMs = long.length ? Math.max(...long) : 0;
}

async function browserSection(): Promise<void> {
  const port = 4181;
  const server = await serve(port);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined), args: chromiumArgs });
  try {
    const base = `http://127.0.0.1:${port}`;
    const page = await browser.newPage();
    await page.goto(base + '/bench.html');
    await page.waitForFunction(() => window.benchApi !== undefined);
    for (const b of ['webgpu', 'webgl', 'wasm', 'cpu'] as BackendName[]) {
      process.stderr.write(`browser ${b}…\n`);
      const { seconds, maxSteps } = budget(b);
      const r = (await page.evaluate(([backend, s, m]) => window.benchApi.ask({ type: 'steps', backend, seconds: s, maxSteps: m, roles: ['teacher', 'student', 'kd'] }), [b, seconds, maxSteps] as const)) as BenchResponse;
      if (r.type === 'steps') {
        const a = r.report.adapter;
        results.browser[b] = { backend: b, firstStepMs: r.firstStepMs, roles: r.roles, inferMsPer1000: r.inferMsPer1000, ...(a ? { note: `${a.vendor} ${a.architecture}${a.isFallback ? ' (software)' : ''}` } : r.report.webglRenderer ? { note: r.report.webglRenderer } : {}) };
      } else results.browser[b] = { backend: b, error: r.type === 'error' ? r.message : 'unexpected reply' };
    }
    process.stderr.write('studio: play → first loss, KD ahead, long tasks…\n');
    const studio = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await studioTimings(studio, base).catch((e: unknown) => {
      results.browser.studioError = e instanceof Error ? e.message : String(e);
    });
    process.stderr.write('studio: parse a 1,000,000-line file…\n');
    await parseTiming(await browser.newPage({ viewport: { width: 1280, height: 720 } }), base).catch((e: unknown) => {
      results.browser.parseError = e instanceof Error ? e.message : String(e);
    });
  } finally {
    await browser.close();
    if (server.pid) process.kill(-server.pid);
  }
}

const fmt = (n: number | undefined, d = 0) => (n === undefined || !Number.isFinite(n) ? '—' : n.toFixed(d));

function table(): string {
  const lines: string[] = [];
  const head = `${'where'.padEnd(8)}${'backend'.padEnd(8)}${'teacher ex/s'.padStart(14)}${'student ex/s'.padStart(14)}${'KD ex/s'.padStart(10)}${'ms/step T/S/KD'.padStart(22)}${'infer ms/1k T/S'.padStart(22)}${'×ref T/S/KD'.padStart(20)}  note`;
  lines.push(head, '-'.repeat(head.length + 10));
  lines.push(`${'PyTorch'.padEnd(8)}${'cpu'.padEnd(8)}${fmt(REFERENCE.teacher).padStart(14)}${fmt(REFERENCE.student).padStart(14)}${fmt(REFERENCE.kd).padStart(10)}${''.padStart(22)}${`${REFERENCE.inferMsPer1000.teacher} / ${REFERENCE.inferMsPer1000.student}`.padStart(22)}${'1 / 1 / 1'.padStart(20)}  reference (2 threads)`);
  for (const [where, group] of [['node', results.node], ['browser', results.browser]] as const) {
    for (const b of ['webgpu', 'webgl', 'wasm', 'cpu']) {
      const e = group[b] as Entry | undefined;
      if (!e) continue;
      if ('error' in e) {
        lines.push(`${where.padEnd(8)}${b.padEnd(8)}  did not start: ${e.error.slice(0, 100)}`);
        continue;
      }
      const r = e.roles;
      const ms = `${fmt(r.teacher?.msPerStep)} / ${fmt(r.student?.msPerStep)} / ${fmt(r.kd?.msPerStep)}`;
      const ratio = `${fmt((r.teacher?.examplesPerSecond ?? NaN) / REFERENCE.teacher, 2)} / ${fmt((r.student?.examplesPerSecond ?? NaN) / REFERENCE.student, 2)} / ${fmt((r.kd?.examplesPerSecond ?? NaN) / REFERENCE.kd, 2)}`;
      lines.push(
        `${where.padEnd(8)}${b.padEnd(8)}${fmt(r.teacher?.examplesPerSecond).padStart(14)}${fmt(r.student?.examplesPerSecond).padStart(14)}${fmt(r.kd?.examplesPerSecond).padStart(10)}${ms.padStart(22)}${`${fmt(e.inferMsPer1000.teacher, 1)} / ${fmt(e.inferMsPer1000.student, 1)}`.padStart(22)}${ratio.padStart(20)}  ${e.note ?? ''}`,
      );
    }
  }
  const br = results.browser;
  if ('firstLossMs' in br || 'studioError' in br) {
    lines.push('');
    lines.push(`studio in headless Chromium (${String(br.studioBackend ?? '?')}): play → first loss point ${fmt(br.firstLossMs as number)} ms (goal < 3000); play → KD student ahead on validation NDCG@10 ${fmt(br.kdAheadMs as number)} ms (goal < 60000); main-thread long tasks > 50 ms during 30 s of training: ${String(br.longTasksOver50ms ?? '—')} (max ${fmt(br.maxLongTaskMs as number)} ms; goal 0)${br.studioError ? `; studio error: ${String(br.studioError)}` : ''}`);
  }
  if ('parse1MMs' in br || 'parseError' in br) {
    lines.push(`studio: a generated 1,000,000-line u.data parsed (off the main thread) and shown in ${fmt(br.parse1MMs as number)} ms; main-thread long tasks > 50 ms meanwhile: ${String(br.parse1MLongTasksOver50ms ?? '—')} (max ${fmt(br.parse1MMaxLongTaskMs as number)} ms)${br.parseError ? `; error: ${String(br.parseError)}` : ''}`);
  }
  return lines.join('\n');
}

const t0 = Date.now();
await nodeSection();
if (!skipBrowser) await browserSection();
const out = table();
console.log(out);
mkdirSync(path.join(root, 'bench'), { recursive: true });
writeFileSync(
  path.join(root, 'bench/results.json'),
  JSON.stringify({ date: new Date().toISOString(), machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version }, reference: REFERENCE, ...results, seconds: (Date.now() - t0) / 1000 }, null, 2),
);
console.log(`\nwrote bench/results.json in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
process.exit(0);
