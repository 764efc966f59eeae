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
import { opsPlugin } from "./core/ops/plugin.js";
import { securityPlugin } from "./core/security/plugin.js";
import { proxyTrust, requestIdGenerator } from "./core/security/proxy.js";
import { securityTxtRoutes } from "./core/security/security-txt.js";
import { viewsPlugin } from "./core/views/render.js";
import type { Database } from "./db/client.js";
import { accountsFeature } from "./features/accounts/index.js";
import { adminFeature } from "./features/admin/index.js";
import { auditLogFeature } from "./features/audit-log/index.js";
import { calendarFeature } from "./features/calendar/index.js";
import { casesFeature } from "./features/cases/index.js";
import { consultationModeration, consultationsFeature } from "./features/consultations/index.js";
import { eidCallbackFeature, eidFeature } from "./features/eid/index.js";
import { eventsFeature } from "./features/events/index.js";
import { forumFeature, forumModeration } from "./features/forum/index.js";
import { galleryFeature } from "./features/gallery/index.js";
import { helpFeature } from "./features/help/index.js";
import { homeFeature } from "./features/home/index.js";
import { ideaModeration, ideasFeature } from "./features/ideas/index.js";
import { insightsCounters } from "./features/insights/counters.js";
import { insightsFeature } from "./features/insights/index.js";
import { integrityFeature } from "./features/integrity/index.js";
import { legalFeature } from "./features/legal/index.js";
import { moderationFeature } from "./features/moderation/index.js";
import { newslettersFeature } from "./features/newsletters/index.js";
import { openDataFeature, openDataRoot } from "./features/open-data/index.js";
import { open311AdminFeature, open311Api } from "./features/open311/index.js";
import { opinionMapFeature } from "./features/opinion-map/index.js";
import { outboxFeature } from "./features/outbox/index.js";
import { settingsFeature } from "./features/settings/index.js";
import { staffFeature } from "./features/staff/index.js";
import { structuresFeature } from "./features/structures/index.js";
import { subscriptionsFeature } from "./features/subscriptions/index.js";
import { widgetsFeature } from "./features/widgets/index.js";

export interface BuildOptions {
  config: Config;
  database: Database;
  /** A pino destination stream (tests capture logs with it). */
  logStream?: NodeJS.WritableStream;
}

/** Builds the whole app in one explicit order: external plugins → core → features. */
export async function buildApp({ config, database, logStream }: BuildOptions): Promise<FastifyInstance> {
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

  await app.register(contextPlugin, { config, database });
  await app.register(fastifyCompress, { global: true, threshold: 1024 });
  await app.register(securityPlugin);
  await app.register(i18nPlugin);
  await app.register(viewsPlugin);
  await app.register(errorsPlugin);
  await app.register(opsPlugin);
  await app.register(authPlugin);
  await app.register(mailPlugin);
  await app.register(eidCallbackFeature);
  // The Open311 API lives at /open311/v2, outside the pages' locale scope.
  await app.register(open311Api);
  await app.register(openDataRoot);
  await app.register(securityTxtRoutes);

  // Pages live under /ar, /fr and /en; any other first segment is not a page.
  await app.register(
    async (pages) => {
      pages.addHook("onRequest", async (request) => {
        if (!isLocale((request.params as { lang?: string }).lang)) throw new NotFoundError();
      });
      // Before the features: its hook counts their forms' funnel (aggregated daily counts only).
      await pages.register(insightsCounters);
      await pages.register(homeFeature);
      await pages.register(accountsFeature);
      await pages.register(eidFeature);
      await pages.register(adminFeature);
      await pages.register(auditLogFeature);
      await pages.register(settingsFeature);
      await pages.register(calendarFeature);
      await pages.register(structuresFeature);
      await pages.register(staffFeature);
      await pages.register(casesFeature);
      await pages.register(integrityFeature);
      await pages.register(ideasFeature);
      await pages.register(forumFeature);
      // Moderation looks after every kind of public text its content features declare.
      await pages.register(moderationFeature, {
        kinds: [...ideaModeration, ...forumModeration, ...consultationModeration],
      });
      await pages.register(consultationsFeature);
      await pages.register(opinionMapFeature);
      await pages.register(open311AdminFeature);
      await pages.register(eventsFeature);
      await pages.register(helpFeature);
      await pages.register(legalFeature);
      await pages.register(widgetsFeature);
      await pages.register(subscriptionsFeature);
      await pages.register(newslettersFeature);
      await pages.register(openDataFeature);
      await pages.register(insightsFeature);
      if (!config.isProduction) {
        await pages.register(galleryFeature);
        await pages.register(outboxFeature);
      }
    },
    { prefix: "/:lang" },
  );

  return app;
}
