import { randomUUID } from "node:crypto";
import fastifyCompress from "@fastify/compress";
import Fastify, { type FastifyInstance } from "fastify";
import type { Config } from "./config.js";
import { authPlugin } from "./core/auth/plugin.js";
import { contextPlugin } from "./core/context.js";
import { NotFoundError } from "./core/errors/app-error.js";
import { errorsPlugin } from "./core/errors/plugin.js";
import { isLocale } from "./core/i18n/localized.js";
import { i18nPlugin } from "./core/i18n/plugin.js";
import { loggerOptions } from "./core/logging.js";
import { mailPlugin } from "./core/mail/plugin.js";
import type { FeatureManifest, FeatureRoutes } from "./core/manifest.js";
import { notificationsPlugin } from "./core/notifications/plugin.js";
import { opsPlugin } from "./core/ops/plugin.js";
import { securityPlugin } from "./core/security/plugin.js";
import { proxyTrust, requestIdGenerator } from "./core/security/proxy.js";
import { securityTxtRoutes } from "./core/security/security-txt.js";
import { smsPlugin } from "./core/sms/plugin.js";
import { viewsPlugin } from "./core/views/render.js";
import type { Database } from "./db/client.js";
import { FEATURES } from "./features/index.js";

export interface BuildOptions {
  config: Config;
  database: Database;
  /** A pino destination stream (tests capture logs with it). */
  logStream?: NodeJS.WritableStream;
  /** The features to build the app from (default: every feature, src/features/index.ts). */
  features?: readonly FeatureManifest[];
}

/**
 * A scope's plugins from the feature list, in its order; plugins whose hooks must see the others'
 * routes (hooksFirst) come first. Development-only ones are left out in production.
 */
function routesOf(features: readonly FeatureManifest[], mount: FeatureRoutes["mount"], config: Config) {
  const routes = features
    .flatMap((f) => f.routes ?? [])
    .filter((r) => r.mount === mount && !(r.developmentOnly && config.isProduction));
  return [...routes.filter((r) => r.hooksFirst), ...routes.filter((r) => !r.hooksFirst)];
}

/** Builds the whole app in one explicit order: external plugins → core → features. */
export async function buildApp({
  config,
  database,
  logStream,
  features = FEATURES,
}: BuildOptions): Promise<FastifyInstance> {
  const logger = loggerOptions(config.LOG_LEVEL);
  const trust = proxyTrust(config.trustProxy);
  const app = Fastify({
    logger: logStream ? { ...logger, stream: logStream } : logger,
    trustProxy: trust,
    requestIdHeader: false,
    genReqId: requestIdGenerator(trust, randomUUID),
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });

  await app.register(contextPlugin, { config, database, features });
  await app.register(fastifyCompress, { global: true, threshold: 1024 });
  await app.register(securityPlugin);
  await app.register(i18nPlugin);
  await app.register(viewsPlugin);
  await app.register(errorsPlugin);
  await app.register(opsPlugin);
  await app.register(authPlugin);
  await app.register(notificationsPlugin);
  await app.register(mailPlugin);
  await app.register(smsPlugin);
  // Outside the pages' locale scope: the eID callback, the Open311 API (/open311/v2), open data's
  // downloads and API.
  for (const { plugin } of routesOf(features, "root", config)) await app.register(plugin);
  await app.register(securityTxtRoutes);

  // Pages live under /ar, /fr and /en; any other first segment is not a page.
  await app.register(
    async (pages) => {
      pages.addHook("onRequest", async (request) => {
        if (!isLocale((request.params as { lang?: string }).lang)) throw new NotFoundError();
      });
      for (const { plugin } of routesOf(features, "pages", config)) await pages.register(plugin);
    },
    { prefix: "/:lang" },
  );

  return app;
}
