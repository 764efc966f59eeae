import type { FastifyPluginAsync } from "fastify";
import { unsubscribe, unsubscribeTarget } from "../commands/unsubscribe.js";
import { EmptyBody, TokenParams } from "../schema.js";
import { UnsubscribePage } from "../views/unsubscribe-page.js";

/**
 * The unsubscribe link of the mails about a request. Opening it only asks (mail scanners open
 * links); the button stops the mails: an account holder's e-mails of that kind of news, as their
 * notification preferences record it, or the mails about that request to someone without an
 * account. No sign-in needed: the signed link is the proof. A link not made here (cut, altered)
 * answers 404 with a page that says so.
 */
export const unsubscribeRoutes: FastifyPluginAsync = async (app) => {
  app.addHook("onSend", async (_request, reply) => {
    reply.noStore();
    reply.header("referrer-policy", "no-referrer");
  });

  app.get<{ Params: TokenParams }>(
    "/requests/unsubscribe/:token",
    { schema: { params: TokenParams } },
    async (request, reply) => {
      const target = unsubscribeTarget(app.config.cookieSecret, request.params.token);
      if (!target) return reply.render(<UnsubscribePage state="invalid" />, 404);
      return reply.render(<UnsubscribePage state="ask" token={request.params.token} target={target} />);
    },
  );

  app.post<{ Params: TokenParams }>(
    "/requests/unsubscribe/:token",
    { schema: { params: TokenParams, body: EmptyBody } },
    async (request, reply) => {
      const target = await unsubscribe(app.db, app.config.cookieSecret, request.params.token);
      if (!target) return reply.render(<UnsubscribePage state="invalid" />, 404);
      return reply.render(<UnsubscribePage state="done" target={target} />);
    },
  );
};
