import { type Page, type TestInfo } from '@playwright/test';

/** A full-page screenshot kept as a test artifact (and attached to the report), to be looked at, not diffed. */
export async function snap(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}
