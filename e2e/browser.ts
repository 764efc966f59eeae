import { existsSync } from "node:fs";
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium } from "playwright-core";

/** Debian's Chromium; never a downloaded browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Launches headless Chromium (once per test file: contexts are cheap, browsers are not). */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium fonts-noto-core)`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

const scriptingOf = new WeakMap<BrowserContext, boolean>();

export interface ContextOptions extends BrowserContextOptions {
  /** Origin every relative URL (page.goto("/ar")) resolves against. */
  baseURL: string;
  /** false: the page as a browser with JavaScript off sees it. */
  javaScriptEnabled?: boolean;
}

/** A fresh browser profile; remembers whether JavaScript is on, which the axe check needs to know. */
export async function newContext(browser: Browser, options: ContextOptions): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  scriptingOf.set(context, options.javaScriptEnabled !== false);
  return context;
}

/** Whether pages in this context run JavaScript (true for contexts not made by newContext). */
export function scriptingEnabled(context: BrowserContext): boolean {
  return scriptingOf.get(context) ?? true;
}
