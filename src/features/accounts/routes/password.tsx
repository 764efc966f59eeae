import type { FastifyPluginAsync } from "fastify";
import Type from "typebox";
import { fieldError, formSchema } from "../../../core/forms.js";
import { isResetTokenUsable, requestPasswordReset, resetPassword } from "../commands/reset-password.js";
import { ForgotPasswordPage, LinkExpiredPage, ResetPasswordPage } from "../views/password-pages.js";
import { CheckMailPage } from "../views/sign-up-page.js";
import { mailContext, privatePage } from "./shared.js";

const TokenParams = Type.Object({ lang: Type.String(), token: Type.String({ maxLength: 100 }) });
const limited = { rateLimit: { max: 10, timeWindow: 60_000 } };

export const passwordRoutes: FastifyPluginAsync = async (app) => {
  app.get("/forgot-password", async (_request, reply) => {
    privatePage(reply);
    return reply.render(<ForgotPasswordPage />);
  });

  app.post(
    "/forgot-password",
    { schema: { body: formSchema({ email: 1000 }) }, config: limited },
    async (request, reply) => {
      privatePage(reply);
      const { email } = request.body as { email?: string };
      if (!(await requestPasswordReset(app.db, email, mailContext(request)))) {
        return reply.render(
          <ForgotPasswordPage email={email} errors={{ email: fieldError("accounts.errors.emailInvalid") }} />,
          422,
        );
      }
      return reply.render(<CheckMailPage email={email!.trim()} kind="reset" />);
    },
  );

  app.get("/reset-password/:token", { schema: { params: TokenParams } }, async (request, reply) => {
    privatePage(reply);
    const { token } = request.params as { token: string };
    if (!(await isResetTokenUsable(app.db, token)))
      return reply.render(<LinkExpiredPage retry="/forgot-password" />, 410);
    return reply.render(<ResetPasswordPage token={token} />);
  });

  app.post(
    "/reset-password/:token",
    { schema: { params: TokenParams, body: formSchema({ password: 1000 }) }, config: limited },
    async (request, reply) => {
      privatePage(reply);
      const { token } = request.params as { token: string };
      const result = await resetPassword(app.db, token, (request.body as { password?: string }).password);
      if (!result.ok && "expired" in result)
        return reply.render(<LinkExpiredPage retry="/forgot-password" />, 410);
      if (!result.ok) return reply.render(<ResetPasswordPage token={token} errors={result.errors} />, 422);
      return reply.redirectWithFlash("/sign-in", {
        kind: "success",
        message: "accounts.flash.passwordReset",
      });
    },
  );
};
