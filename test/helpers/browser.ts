import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { externalTool } from './external-tool.js';

/**
 * Debian's chromium (.ci/install-chromium.sh), driven by playwright-core: no browser download. The
 * review app's end-to-end tests skip without it on a developer machine and fail in CI (CI=true).
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const chromiumTool = externalTool(CHROMIUM_PATH, ['--version'], '.ci/install-chromium.sh installs Debian\'s chromium');
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: 60_000 });
}

/** Screenshots are kept as test artifacts (gitignored test-artifacts/). */
export const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'review-app');

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Console errors and CSP violations seen by a page: a review page must have none. */
export function collectPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  return problems;
}
