import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

/** Debian's chromium unless CHROMIUM_PATH names another build (.ci/run installs it when missing). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Starts headless Chromium: no sandbox (containers), no GPU, no background traffic to Google. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
}

/**
 * One browser for the whole test file, started before its tests and closed after them:
 * `const b = useBrowser(); … await b().newPage()`.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error("the browser is not started (useBrowser must be called in a describe or at the top of a test file)");
    return browser;
  };
}

/**
 * A fresh context (its own cookies) where a step that cannot happen fails within seconds with
 * Playwright's own message, not at the test's 30 s timeout.
 */
export async function openContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(8_000);
  context.setDefaultNavigationTimeout(15_000);
  return context;
}

/** Where screenshots go: .tmp/ at the repository's root (ignored by git). */
export const SHOTS_DIR = join(import.meta.dirname, "..", "..", ".tmp");

/** Writes a full-page PNG of `page` to .tmp/dashboard-<name>.png, for a person to look at after the run. */
export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const path = join(SHOTS_DIR, `dashboard-${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
