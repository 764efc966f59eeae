import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import Type, { type Static } from "typebox";
import { submissionLimit } from "../../../core/security/submission-limit.js";
import type { Db } from "../../../db/client.js";
import { findCaseByFollowCode, parseFollowCode } from "../follow-code.js";
import { findCase } from "../queries.js";
import { FollowCodePage } from "./views/follow-code-pages.js";

const FollowCodeBody = Type.Object({
  _csrf: Type.Optional(Type.String()),
  reference: Type.Optional(Type.String({ maxLength: 200 })),
  pin: Type.Optional(Type.String({ maxLength: 200 })),
});

/**
 * The follow code's grant: once a reference and its PIN are typed right, this browser may open that
 * request (by its reference) for a while, through a signed cookie holding the request's id and the
 * minute it expires. Nothing is stored on the server.
 */
const CODE_COOKIE = "case_follow";
const CODE_GRANT_MINUTES = 120;
/** Wrong follow codes allowed in a window: per client, and per reference (against spread guessing). */
export const FOLLOW_CODE_TRIES = { perClient: 10, perReference: 20, windowMs: 15 * 60_000 };

/** The request whose follow code this browser typed, while its grant lasts; null otherwise. */
export async function findCaseByCodeGrant(db: Db, request: FastifyRequest) {
  const { reference } = request.params as { reference: string };
  const raw = request.cookies[CODE_COOKIE];
  const grant = raw ? request.unsignCookie(raw) : null;
  const [id, until] = grant?.valid && grant.value ? grant.value.split(".") : [];
  const alive = Number(until) * 60_000 > Date.now();
  const row = alive && id ? await findCase(db, id) : null;
  return row && row.reference === reference && row.followPinHash ? row : null;
}

/**
 * The public follow page: a request's number and its follow code, typed, open the request. Wrong
 * codes are counted per client and per reference, and all get the same answer.
 */
export const followCodeRoutes: FastifyPluginAsync = async (app) => {
  const submissions = submissionLimit(app);
  const clientKey = (request: FastifyRequest) => `case-follow-code:client:${request.ip}`;
  async function throttled(request: FastifyRequest, referenceKey: string | null): Promise<number> {
    const windows = await Promise.all([
      app.counters.peek(clientKey(request)),
      referenceKey ? app.counters.peek(referenceKey) : { count: 0, resetAt: 0 },
    ]);
    const [client, reference] = windows;
    const full = [
      client.count >= FOLLOW_CODE_TRIES.perClient ? client.resetAt : 0,
      reference.count >= FOLLOW_CODE_TRIES.perReference ? reference.resetAt : 0,
    ];
    const until = Math.max(...full);
    return until > 0 ? Math.max(1, Math.ceil((until - Date.now()) / 1000)) : 0;
  }

  app.get("/requests/follow", async (_request, reply) => {
    reply.noStore();
    return reply.render(<FollowCodePage />);
  });

  app.post(
    "/requests/follow",
    { schema: { body: FollowCodeBody }, config: submissions },
    async (request, reply) => {
      reply.noStore();
      const body = request.body as Static<typeof FollowCodeBody>;
      const code = parseFollowCode(body.reference, body.pin);
      const referenceKey = code ? `case-follow-code:reference:${code.number}` : null;
      const values = { reference: body.reference?.slice(0, 40) };
      const wait = await throttled(request, referenceKey);
      if (wait > 0) {
        reply.header("retry-after", String(wait));
        return reply.render(<FollowCodePage values={values} throttled={wait} />, 429);
      }
      const row = code ? await findCaseByFollowCode(app.db, app.config.cookieSecret, code) : null;
      if (!row) {
        await Promise.all([
          app.counters.hit(clientKey(request), FOLLOW_CODE_TRIES.windowMs),
          referenceKey ? app.counters.hit(referenceKey, FOLLOW_CODE_TRIES.windowMs) : null,
        ]);
        return reply.render(<FollowCodePage values={values} error />, 422);
      }
      const until = Math.floor(Date.now() / 60_000) + CODE_GRANT_MINUTES;
      reply.setCookie(CODE_COOKIE, `${row.id}.${until}`, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure: app.config.isProduction,
        signed: true,
        maxAge: CODE_GRANT_MINUTES * 60,
      });
      return reply.redirect(`/${request.locale}/requests/by-code/${row.reference}`, 303);
    },
  );
};
