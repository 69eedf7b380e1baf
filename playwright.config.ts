import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// Browser tests drive real Chromium: Debian's (/usr/bin/chromium or $CHROMIUM_PATH) when present,
// Playwright's own otherwise. No browser download happens here. The flags keep Chromium off the
// closed network and give it WebGPU (SwiftShader on a machine without a GPU).
const port = Number(process.env.PORT ?? 4173);
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export const chromiumArgs = [
  '--no-sandbox',
  '--enable-unsafe-webgpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: 'e2e',
  timeout: 180_000,
  expect: { timeout: 30_000 },
  workers: 1,
  reporter: [['list'], ['json']],
  outputDir: 'test-results/playwright',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 720 },
    launchOptions: { ...(executablePath ? { executablePath } : {}), args: chromiumArgs },
  },
  webServer: {
    command: process.env.DEV
      ? `npx vite --host 127.0.0.1 --port ${port} --strictPort`
      : `npx vite build --logLevel warn && npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 180_000,
  },
});
