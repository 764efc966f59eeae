import type { Browser } from "playwright-core";
import { afterAll } from "vitest";
import { launchBrowser } from "./browser.js";
import { type RunningServer, startServer } from "./server.js";

/**
 * Starts the app (with these settings added to the test ones) and Chromium for one test file, and
 * stops both after its tests.
 */
export async function startSuite(
  env: Record<string, string> = {},
): Promise<{ server: RunningServer; browser: Browser }> {
  const server = await startServer(env);
  const browser = await launchBrowser().catch(async (error) => {
    await server.close();
    throw error;
  });
  afterAll(async () => {
    await browser.close();
    await server.close();
  });
  return { server, browser };
}
