import { desc } from "drizzle-orm";
import type { FastifyPluginAsync } from "fastify";
import { requirePlatformAdmin } from "../../core/auth/plugin.js";
import { outboxMessages } from "../../core/mail/tables.js";
import { smsMessages } from "../../core/sms/tables.js";
import { OutboxPage } from "./views/outbox-page.js";

/**
 * Development only (never registered in production), and for platform admins only, since the mails
 * hold sign-in and reset links: the mails Sharek queued, so sign-up, verification and reset links
 * can be followed on a machine without a mail server; and the SMS, for one without an SMSC.
 */
export const outboxFeature: FastifyPluginAsync = async (app) => {
  app.get("/dev/outbox", { preHandler: requirePlatformAdmin }, async (_request, reply) => {
    const [messages, sms] = await Promise.all([
      app.db.select().from(outboxMessages).orderBy(desc(outboxMessages.createdAt)).limit(50),
      app.db.select().from(smsMessages).orderBy(desc(smsMessages.createdAt)).limit(50),
    ]);
    reply.noStore();
    return reply.render(<OutboxPage messages={messages} sms={sms} />);
  });
};
