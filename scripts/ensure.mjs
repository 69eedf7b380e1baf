// Set-up shared by `npm start` and `npm test`, so either command works on a fresh clone:
// installs npm dependencies when missing and, for tests, Debian's chromium when no browser exists.
// Plain Node, no dependencies: it must run before `npm ci` has.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Runs a command inheriting stdio; returns its exit status. */
export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  return r.status ?? 1;
}

/** `npm ci` when node_modules is missing or older than the lockfile's packages. */
export function ensureDeps() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  if (existsSync(marker) && existsSync(path.join(root, 'node_modules', 'vite'))) return;
  console.log('[setup] installing npm dependencies (npm ci)…');
  if (run('npm', ['ci', '--no-audit', '--no-fund']) !== 0) {
    console.error('[setup] npm ci failed');
    process.exit(1);
  }
}

/** The Chromium the browser tests drive: $CHROMIUM_PATH, else Debian's, installed with apt when possible. */
export function ensureChromium() {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && spawnSync('which', ['apt-get']).status === 0) {
    console.log('[setup] installing Debian chromium (apt-get)…');
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'chromium', 'libvulkan1'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  console.warn('[setup] no /usr/bin/chromium and CHROMIUM_PATH unset: falling back to Playwright\'s own browser');
  return undefined;
}
