import type { FastifyPluginAsync } from "fastify";
import { NotFoundError } from "../../../../core/errors/app-error.js";
import { unsubscribe } from "../commands/unsubscribe.js";
import { EmptyBody, TokenParams } from "../schema.js";
import { readUnsubscribeToken } from "../unsubscribe-token.js";
import { UnsubscribePage } from "../views/unsubscribe-page.js";

/**
 * The unsubscribe link of the mails about a request. Opening it only asks (mail scanners open
 * links); the button stops the mails. No account needed: the signed link is the proof.
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
      if (!readUnsubscribeToken(app.config.cookieSecret, request.params.token)) throw new NotFoundError();
      return reply.render(<UnsubscribePage token={request.params.token} done={false} />);
    },
  );

  app.post<{ Params: TokenParams }>(
    "/requests/unsubscribe/:token",
    { schema: { params: TokenParams, body: EmptyBody } },
    async (request, reply) => {
      if (!(await unsubscribe(app.db, app.config.cookieSecret, request.params.token)))
        throw new NotFoundError();
      return reply.render(<UnsubscribePage token={request.params.token} done />);
    },
  );
};
