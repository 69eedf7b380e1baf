// `npm test`: every test — unit (Vitest, Node) then browser (Playwright, real Chromium) — and one
// summary line "N passed, M failed". Installs what a fresh machine lacks first.
import { readFileSync, rmSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { ensureChromium, ensureDeps, root, run } from './ensure.mjs';

ensureDeps();
const chromium = ensureChromium();
const out = path.join(root, 'test-results');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const env = { ...process.env, ...(chromium ? { CHROMIUM_PATH: chromium } : {}) };
const only = process.argv[2]; // 'unit' | 'e2e' | undefined (both)

let passed = 0;
let failed = 0;

if (only !== 'e2e') {
  const file = path.join(out, 'vitest.json');
  run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], { env });
  try {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests + (r.numTotalTestSuites > 0 && r.success === false && r.numFailedTests === 0 ? 1 : 0);
    console.log(`[unit] ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
  } catch {
    console.error('[unit] no results: vitest did not run');
    failed += 1;
  }
}

if (only !== 'unit') {
  const file = path.join(out, 'playwright.json');
  run('npx', ['playwright', 'test'], { env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: file } });
  try {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    const s = r.stats;
    passed += s.expected + s.flaky;
    failed += s.unexpected;
    console.log(`[browser] ${s.expected + s.flaky} passed, ${s.unexpected} failed${s.skipped ? `, ${s.skipped} skipped` : ''}`);
    if (r.errors?.length) {
      failed += r.errors.length;
      for (const e of r.errors) console.error('[browser]', e.message);
    }
  } catch {
    console.error('[browser] no results: playwright did not run');
    failed += 1;
  }
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
