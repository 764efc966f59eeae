import fp from "fastify-plugin";
import { createTransport } from "nodemailer";
import { deliverOutbox } from "./outbox.js";

/**
 * With SMTP_URL set, a worker on every node drains the outbox every few seconds. Without it, mails
 * stay in the outbox, readable on the development outbox page.
 */
export const mailPlugin = fp(
  async (app) => {
    const { SMTP_URL, MAIL_FROM } = app.config;
    if (!SMTP_URL) return;
    const transport = createTransport(SMTP_URL);
    let running = false;
    const timer = setInterval(async () => {
      if (running) return;
      running = true;
      try {
        while ((await deliverOutbox(app.db, transport, MAIL_FROM)) > 0) {}
      } catch (error) {
        app.log.error({ err: error }, "outbox delivery failed");
      } finally {
        running = false;
      }
    }, 5_000);
    timer.unref();
    app.addHook("onClose", async () => {
      clearInterval(timer);
      transport.close();
    });
  },
  { name: "sharek-mail", dependencies: ["sharek-config"] },
);
