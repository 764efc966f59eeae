import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll } from "vitest";
import { buildApp } from "../src/app.js";
import { type Config, loadConfig } from "../src/config.js";
import type { FeatureManifest } from "../src/core/manifest.js";
import type { Database } from "../src/db/client.js";
import { openTestDatabase } from "./databases.js";

/** The cookie secret of every test app and e2e server (TOTP secrets are encrypted with a key from it). */
export const TEST_COOKIE_SECRET = "test-secret-test-secret-test-secret-0123";

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  /** Every log line written so far, as raw JSON text. */
  logs: string[];
}

/**
 * Builds the real app on a private database (PGlite, or PostgreSQL with TEST_DATABASE_URL),
 * with CSRF and every security plugin on. `routes` may add test-only routes before the app is ready;
 * `features` replaces the feature list (a test adds a feature of its own to FEATURES); `demo` gives it
 * the demo content.
 * Closed automatically after the file's tests.
 */
export async function createTestApp(
  options: {
    env?: Record<string, string>;
    routes?: (app: FastifyInstance) => void;
    features?: readonly FeatureManifest[];
    /** Start from a copy of the run's demo template (the demo content already seeded). */
    demo?: boolean;
  } = {},
): Promise<TestApp> {
  const database = await openTestDatabase({ demo: options.demo });
  const config = loadConfig({
    NODE_ENV: "test",
    DATA_DIR: mkdtempSync(join(tmpdir(), "sharek-test-data-")),
    LOG_LEVEL: "info",
    COOKIE_SECRET: TEST_COOKIE_SECRET,
    RATE_LIMIT_MAX: "10000",
    ...options.env,
  });
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const app = await buildApp({ config, database, logStream, features: options.features });
  // Test-only: hands a browser-like agent a CSRF token with its cookie, as any form page would.
  app.get("/__test/csrf", async (_request, reply) => ({ token: reply.generateCsrf() }));
  options.routes?.(app);
  await app.ready();
  afterAll(async () => {
    await app.close();
    await database.close();
  });
  return { app, database, config, logs };
}

/**
 * A browser-like client: keeps cookies between requests and reads the CSRF token from the last
 * form it saw, as a person's browser would.
 */
export class Agent {
  private cookies = new Map<string, string>();
  private csrf: string | undefined;

  constructor(private readonly app: FastifyInstance) {}

  private remember(response: LightMyRequestResponse) {
    for (const c of response.cookies as Array<{ name: string; value: string; maxAge?: number }>) {
      if (c.value === "" || c.maxAge === 0) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
    if (token) this.csrf = token;
    return response;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async get(url: string, headers: Record<string, string> = {}) {
    return this.remember(
      await this.app.inject({ method: "GET", url, headers: { cookie: this.cookieHeader(), ...headers } }),
    );
  }

  /** Sets a cookie as if a server had (e.g. a session created directly in the database). */
  setCookie(name: string, value: string) {
    this.cookies.set(name, value);
  }

  /**
   * Posts a form as a browser would, with the CSRF token from the last page it saw (or a fresh
   * one when it saw none), unless `csrf: false`.
   */
  async post(url: string, form: Record<string, string | string[]> = {}, options: { csrf?: boolean } = {}) {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const item of [v].flat()) body.append(k, item);
    if (options.csrf !== false) {
      if (!this.csrf || !this.cookies.has("csrf")) {
        const response = this.remember(
          await this.app.inject({ url: "/__test/csrf", headers: { cookie: this.cookieHeader() } }),
        );
        this.csrf = response.json().token;
      }
      if (form._csrf === undefined) body.set("_csrf", this.csrf!);
    }
    return this.remember(
      await this.app.inject({
        method: "POST",
        url,
        headers: { cookie: this.cookieHeader(), "content-type": "application/x-www-form-urlencoded" },
        payload: body.toString(),
      }),
    );
  }
}
