import type { FastifyPluginAsync } from "fastify";
import Type from "typebox";
import { clearSessionCookie, safeNext } from "../../../core/auth/cookie.js";
import { revokeSession } from "../../../core/auth/sessions.js";
import { fieldError, formSchema, isEmail, text } from "../../../core/forms.js";
import { eidEnabled } from "../../eid/oidc-client.js";
import { authenticate } from "../commands/authenticate.js";
import { sendVerification } from "../commands/register-account.js";
import { SignInPage } from "../views/sign-in-page.js";
import { mailContext, privatePage, startSession } from "./shared.js";

const SignInBody = formSchema({ email: 1000, password: 1000, remember: 10, next: 2000 });
const SignInQuery = Type.Object({ next: Type.Optional(Type.String({ maxLength: 2000 })) });

export const signInRoutes: FastifyPluginAsync = async (app) => {
  const eid = { configured: eidEnabled(app.config), name: app.config.OIDC_NAME };

  app.get("/sign-in", { schema: { querystring: SignInQuery } }, async (request, reply) => {
    privatePage(reply);
    const next = safeNext((request.query as { next?: string }).next, `/${request.locale}/account`);
    if (request.account) return reply.redirect(next, 303);
    return reply.render(<SignInPage eid={eid} next={next} />);
  });

  app.post(
    "/sign-in",
    { schema: { body: SignInBody }, config: { rateLimit: { max: 30, timeWindow: 60_000 } } },
    async (request, reply) => {
      privatePage(reply);
      const body = request.body as Record<string, string | undefined>;
      const email = text(body.email);
      const next = safeNext(body.next, `/${request.locale}/account`);
      const values = { email, remember: body.remember };
      if (!isEmail(email) || !body.password) {
        const errors = {
          ...(isEmail(email) ? {} : { email: fieldError("accounts.errors.emailInvalid") }),
          ...(body.password ? {} : { password: fieldError("accounts.errors.passwordRequired") }),
        };
        return reply.render(<SignInPage eid={eid} next={next} values={values} errors={errors} />, 422);
      }
      const result = await authenticate(app.db, email, body.password);
      if (!result.ok) {
        if (result.reason === "throttled") {
          reply.header("retry-after", String(result.waitSeconds));
          return reply.render(
            <SignInPage eid={eid} next={next} values={values} waitSeconds={result.waitSeconds} />,
            429,
          );
        }
        if (result.reason === "unverified") {
          await sendVerification(app.db, result.accountId, result.email, mailContext(request));
          return reply.render(
            <SignInPage eid={eid} next={next} values={values} unverifiedEmail={result.email} />,
            422,
          );
        }
        const wrong = fieldError("accounts.errors.credentialsWrong");
        return reply.render(
          <SignInPage eid={eid} next={next} values={values} errors={{ email: wrong }} />,
          422,
        );
      }
      const persistent = body.remember === "yes";
      await startSession(request, reply, result.account.id, { persistent });
      if (request.session) await revokeSession(app.db, request.session.id, request.session.accountId);
      if (result.account.totpEnabledAt) {
        return reply.redirect(`/${request.locale}/sign-in/two-factor?next=${encodeURIComponent(next)}`, 303);
      }
      return reply.redirect(next, 303);
    },
  );

  app.post("/sign-out", async (request, reply) => {
    if (request.session) await revokeSession(app.db, request.session.id, request.session.accountId);
    clearSessionCookie(reply);
    return reply.redirectWithFlash("/", { kind: "info", message: "accounts.flash.signedOut" });
  });
};
