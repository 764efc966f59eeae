import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { NotFoundError } from "../../../core/errors/app-error.js";
import { fieldError, formSchema } from "../../../core/forms.js";
import { translator } from "../../../core/i18n/catalog.js";
import type { Locale } from "../../../core/i18n/localized.js";
import { signInWithEid } from "../commands/sign-in-with-eid.js";
import { eidEnabled } from "../oidc-client.js";
import {
  clearPendingCookie,
  dropPendingSignIn,
  type PendingRead,
  readPendingSignIn,
  takePendingSignIn,
} from "../pending.js";
import { EidAcceptPage } from "../views/eid-accept-page.js";
import { errorPath } from "./error.js";
import { finishEidSignIn } from "./finish.js";

export const acceptPath = (locale: Locale) => `/${locale}/sign-in/eid/accept`;

const AcceptBody = formSchema({ terms: 10 });

/** Where a person goes when there is no identity waiting for them (lapsed, forged, or spent). */
function endPath(request: FastifyRequest, read: Extract<PendingRead, { ok: false }>) {
  return errorPath(
    request.locale,
    read.reason === "invalid" ? "invalid" : "acceptExpired",
    `/${request.locale}`,
  );
}

/**
 * The e-ID's acceptance step. A person the e-ID vouched for who has no account yet, or whose account
 * has no acceptance of the terms on record, is sent here by the callback; the account is created (or
 * entered) and the acceptance recorded only when they tick the box. Refusing forgets the identity.
 *
 * GET  /:lang/sign-in/eid/accept   the terms, their links and the checkbox
 * POST /:lang/sign-in/eid/accept   terms=yes: create or enter the account, record the acceptance
 * POST /:lang/sign-in/eid/decline  forget the identity; nothing is created
 */
export const acceptRoute: FastifyPluginAsync = async (app) => {
  const name = app.config.OIDC_NAME;

  /** The identity waiting for acceptance; without one, the person is sent on (null: the reply is sent). */
  async function waitingIdentity(request: FastifyRequest, reply: FastifyReply) {
    if (!eidEnabled(app.config)) throw new NotFoundError();
    reply.noStore();
    const read = await readPendingSignIn(app.db, request);
    if (read.ok) return read.pending;
    clearPendingCookie(reply);
    reply.redirect(endPath(request, read), 303);
    return null;
  }

  app.get("/sign-in/eid/accept", async (request, reply) => {
    const pending = await waitingIdentity(request, reply);
    if (!pending) return reply;
    return reply.render(<EidAcceptPage name={name} existingAccount={pending.existingAccount} />);
  });

  app.post<{ Body: { terms?: string } }>(
    "/sign-in/eid/accept",
    { schema: { body: AcceptBody } },
    async (request, reply) => {
      const waiting = await waitingIdentity(request, reply);
      if (!waiting) return reply;
      const { existingAccount } = waiting;
      if (request.body.terms !== "yes") {
        const errors = {
          terms: fieldError("eid.accept.termsRequired", { existing: existingAccount ? "yes" : "no" }),
        };
        return reply.render(
          <EidAcceptPage name={name} existingAccount={existingAccount} errors={errors} />,
          422,
        );
      }
      // Spent here: a second submission (another tab, a double click) finds nothing to accept.
      const pending = await takePendingSignIn(app.db, request);
      clearPendingCookie(reply);
      if (!pending) return reply.redirect(endPath(request, { ok: false, reason: "invalid" }), 303);
      const result = await signInWithEid(app.db, pending.claims, {
        locale: request.locale,
        fallbackName: translator(request.locale)("eid.defaultName"),
        request,
        accepted: true,
      });
      if (result.status !== "signedIn") throw new Error("an accepted e-ID sign-in must sign in");
      request.log.info({ existingAccount }, "terms accepted at the e-ID sign-in");
      return finishEidSignIn(request, reply, result, { locale: request.locale, next: pending.next });
    },
  );

  app.post("/sign-in/eid/decline", { schema: { body: formSchema({}) } }, async (request, reply) => {
    if (!eidEnabled(app.config)) throw new NotFoundError();
    reply.noStore();
    const read = await readPendingSignIn(app.db, request);
    await dropPendingSignIn(app.db, request);
    clearPendingCookie(reply);
    if (!read.ok) return reply.redirect(endPath(request, read), 303);
    request.log.info("terms refused at the e-ID sign-in");
    return reply.redirect(errorPath(request.locale, "declined", read.pending.next), 303);
  });
};
