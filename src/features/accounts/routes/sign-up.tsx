import type { FastifyPluginAsync } from "fastify";
import Type from "typebox";
import { formSchema } from "../../../core/forms.js";
import { eidEnabled } from "../../eid/oidc-client.js";
import { isSignUpOpen } from "../../settings/queries.js";
import { registerAccount } from "../commands/register-account.js";
import { verifyEmail } from "../commands/verify-email.js";
import { ConfirmLinkPage, LinkExpiredPage } from "../views/password-pages.js";
import { CheckMailPage, SignUpClosedPage, SignUpPage } from "../views/sign-up-page.js";
import { mailContext, privatePage, startSession } from "./shared.js";

const SignUpBody = formSchema({ displayName: 1000, email: 1000, password: 1000, phone: 100, terms: 10 });
const TokenParams = Type.Object({ lang: Type.String(), token: Type.String({ maxLength: 100 }) });
const anonymousSubmissions = { rateLimit: { max: 20, timeWindow: 60_000 } };

export const signUpRoutes: FastifyPluginAsync = async (app) => {
  const eid = { configured: eidEnabled(app.config), name: app.config.OIDC_NAME };

  app.get("/sign-up", async (_request, reply) => {
    privatePage(reply);
    if (!(await isSignUpOpen(app.db))) return reply.render(<SignUpClosedPage eid={eid} />);
    return reply.render(<SignUpPage />);
  });

  app.post(
    "/sign-up",
    { schema: { body: SignUpBody }, config: anonymousSubmissions },
    async (request, reply) => {
      privatePage(reply);
      if (!(await isSignUpOpen(app.db))) return reply.render(<SignUpClosedPage eid={eid} />, 403);
      const body = request.body as Record<string, string | undefined>;
      const result = await registerAccount(app.db, body, mailContext(request));
      if (!result.ok)
        return reply.render(<SignUpPage values={{ ...body, password: "" }} errors={result.errors} />, 422);
      return reply.render(<CheckMailPage email={result.value.email} kind="signUp" />);
    },
  );

  app.get("/verify-email/:token", { schema: { params: TokenParams } }, async (request, reply) => {
    privatePage(reply);
    const { token } = request.params as { token: string };
    const { t } = request;
    return reply.render(
      <ConfirmLinkPage
        action={`/verify-email/${token}`}
        title={t("accounts.verify.title")}
        body={t("accounts.verify.body")}
      />,
    );
  });

  app.post(
    "/verify-email/:token",
    { schema: { params: TokenParams }, config: anonymousSubmissions },
    async (request, reply) => {
      privatePage(reply);
      const { token } = request.params as { token: string };
      const accountId = await verifyEmail(app.db, token);
      if (!accountId) return reply.render(<LinkExpiredPage retry="/sign-in" />, 410);
      await startSession(request, reply, accountId, { persistent: false });
      return reply.redirectWithFlash("/account", { kind: "success", message: "accounts.flash.verified" });
    },
  );
};
