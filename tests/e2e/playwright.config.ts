import { existsSync } from 'node:fs';

import { defineConfig } from '@playwright/test';

/** Debian's Chromium (CI installs it), a path from RIGDECK_CHROMIUM, or Playwright's own browser if one is installed. */
function chromiumPath(): string | undefined {
  const fromEnv = process.env.RIGDECK_CHROMIUM ?? process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  return ['/usr/bin/chromium', '/usr/lib/chromium/chromium', '/usr/bin/chromium-browser'].find((p) =>
    existsSync(p),
  );
}

const executablePath = chromiumPath();

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.RIGDECK_PW_JSON
    ? [['list'], ['json', { outputFile: process.env.RIGDECK_PW_JSON }]]
    : 'list',
  outputDir: '../../test-results/e2e',
  use: {
    browserName: 'chromium',
    headless: true,
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      // The flags toolchain.md found necessary here: no sandbox as root, no background traffic off this machine.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
