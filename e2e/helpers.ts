/**
 * Shared pieces of the studio's browser tests: a page watcher that fails a test on any console
 * error, uncaught exception, dialog, or request to another origin; generated ratings files; and
 * readers of the numbers panels show (by their visible labels, never the store).
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** What a page did that a clean run must not do. */
export interface PageWatch {
  errors: string[];
  foreignRequests: string[];
  dialogs: string[];
  /** Fails the test when anything was collected. */
  expectClean(): void;
}

/**
 * Starts watching a page (and its workers) before it navigates. Requests must go to the page's own
 * origin (data: and blob: URLs are local too).
 */
export function watchPage(page: Page, baseURL: string): PageWatch {
  const origin = new URL(baseURL).origin;
  const w: PageWatch = {
    errors: [],
    foreignRequests: [],
    dialogs: [],
    expectClean() {
      expect(w.errors, 'console errors and page errors').toEqual([]);
      expect(w.foreignRequests, 'requests to other origins').toEqual([]);
      expect(w.dialogs, 'dialogs').toEqual([]);
    },
  };
  page.on('console', (m) => {
    if (m.type() === 'error') w.errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => w.errors.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    w.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  // context-level: also sees requests made by the page's workers
  page.context().on('request', (r) => {
    const url = r.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) w.foreignRequests.push(url);
  });
  return w;
}

/** A generated MovieLens u.data-style file (user \t item \t rating \t timestamp) and its true counts. */
export interface GeneratedRatings {
  buffer: Buffer;
  users: number;
  items: number;
  interactions: number;
}

/** A tiny deterministic generator (mulberry32), so files are the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `users` users with `perUser` distinct items each out of `catalog`, users in clusters that
 * prefer their own block of items, so a model has something to learn.
 */
export function udataFile(users: number, perUser: number, catalog: number, seed = 7): GeneratedRatings {
  const next = rng(seed);
  const lines: string[] = [];
  const seenItems = new Set<number>();
  for (let u = 1; u <= users; u++) {
    const block = (u % 5) * Math.floor(catalog / 5);
    const mine = new Set<number>();
    while (mine.size < perUser) {
      const i = next() < 0.8 ? block + 1 + Math.floor(next() * Math.floor(catalog / 5)) : 1 + Math.floor(next() * catalog);
      mine.add(i);
    }
    let ts = 881250000 + u * 1000;
    for (const i of mine) {
      seenItems.add(i);
      lines.push(`${u}\t${i}\t${1 + Math.floor(next() * 5)}\t${ts++}`);
    }
  }
  return { buffer: Buffer.from(lines.join('\n') + '\n'), users, items: seenItems.size, interactions: lines.length };
}

/** Formats a count the way the studio shows it (en: thousands separators). */
export const int = (n: number): string => n.toLocaleString('en-US');

/** A panel, found by its heading. */
export const panel = (page: Page, name: string): Locator => page.getByRole('region', { name, exact: true });

/** The value shown next to a visible label (a `<dd>` labelled by its `<dt>`). */
export const labelled = (scope: Locator, label: string): Locator => scope.getByLabel(label, { exact: true });

/** Parses a number as displayed ("2,668", "0.1234", "—" → NaN). */
export function num(text: string | null): number {
  if (!text) return NaN;
  const m = /-?[\d,]*\.?\d+(e[-+]?\d+)?/i.exec(text);
  return m ? Number(m[0].replace(/,/g, '')) : NaN;
}

/** Reads the numeric value shown next to a label. */
export async function readNumber(scope: Locator, label: string): Promise<number> {
  return num(await labelled(scope, label).textContent());
}

/** The studio is ready to play: the worker loaded the run (Play enabled). */
export async function waitForReady(page: Page, timeout = 120_000): Promise<void> {
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout });
}

/** Number of loss points the loss panel reports. */
export async function lossPoints(page: Page): Promise<number> {
  return num(await panel(page, 'Training loss').getByText(/^Loss points: /).textContent());
}
