import fp from "fastify-plugin";
import { inboundHandlers, SmsSender } from "./sender.js";
import { SmppLink } from "./smpp-link.js";

/**
 * With SMPP_URL set, every node binds to the SMSC and drains the SMS outbox (sms_messages, a
 * durable queue: claims are committed before a segment leaves, with SKIP LOCKED, so several nodes
 * share it and a restart sends nothing twice), at SMPP_RATE segments per second per node. It also
 * records delivery receipts and STOP replies. Without it, SMS stay in the outbox, readable on the
 * development outbox page.
 */
export const smsPlugin = fp(
  async (app) => {
    const settings = app.config.smpp;
    if (!settings) return;
    const log = app.log.child({ component: "sms" });
    const link = new SmppLink(settings, inboundHandlers(app.db, log));
    const sender = new SmsSender(app.db, link, { rate: settings.rate }, log);
    app.addHook("onReady", async () => {
      link.start();
      sender.start();
    });
    app.addHook("onClose", async () => {
      await sender.stop();
    });
  },
  { name: "sharek-sms", dependencies: ["sharek-config"] },
);
