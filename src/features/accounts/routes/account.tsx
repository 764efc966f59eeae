import type { FastifyPluginAsync } from "fastify";
import Type from "typebox";
import { clearSessionCookie } from "../../../core/auth/cookie.js";
import { requireAccount } from "../../../core/auth/plugin.js";
import { revokeSession } from "../../../core/auth/sessions.js";
import { NotFoundError } from "../../../core/errors/app-error.js";
import { formSchema } from "../../../core/forms.js";
import { listGovernorates } from "../../structures/queries.js";
import { changePassword, requestEmailChange } from "../commands/change-credentials.js";
import { deleteAccount } from "../commands/delete-account.js";
import { deleteProfile, saveProfile } from "../commands/save-profile.js";
import { confirmEmailChange } from "../commands/verify-email.js";
import {
  confirmPhoneCode,
  findPhoneCheck,
  isPhoneVerified,
  sendPhoneCode,
} from "../commands/verify-phone.js";
import { findProfile, listSessions } from "../queries.js";
import { AccountPage } from "../views/account-page.js";
import { ConfirmLinkPage, LinkExpiredPage } from "../views/password-pages.js";
import { PhonePage } from "../views/phone-page.js";
import { DeleteAccountPage, ProfilePage, SessionsPage } from "../views/settings-pages.js";
import { CheckMailPage } from "../views/sign-up-page.js";
import { mailContext, privatePage } from "./shared.js";

const TokenParams = Type.Object({ lang: Type.String(), token: Type.String({ maxLength: 100 }) });
const SessionParams = Type.Object({ lang: Type.String(), id: Type.String({ maxLength: 100 }) });

/** "Your account" and its settings. Every route here needs a signed-in account. */
export const accountRoutes: FastifyPluginAsync = async (app) => {
  app.addHook("preHandler", requireAccount);
  app.addHook("onRequest", async (_request, reply) => privatePage(reply));

  app.get("/account", async (request, reply) => reply.render(<AccountPage account={request.account!} />));

  app.post(
    "/account/email",
    { schema: { body: formSchema({ email: 1000, currentPassword: 1000 }) } },
    async (request, reply) => {
      const body = request.body as { email?: string; currentPassword?: string };
      const result = await requestEmailChange(app.db, request.account!, body, mailContext(request));
      if (!result.ok) {
        const { email, currentPassword } = result.errors;
        return reply.render(
          <AccountPage
            account={request.account!}
            values={{ email: body.email }}
            errors={{ email, emailPassword: currentPassword }}
          />,
          422,
        );
      }
      return reply.render(<CheckMailPage email={result.value.email} kind="changeEmail" />);
    },
  );

  app.get("/account/email/:token", { schema: { params: TokenParams } }, async (request, reply) => {
    const { token } = request.params as { token: string };
    const { t } = request;
    return reply.render(
      <ConfirmLinkPage
        action={`/account/email/${token}`}
        title={t("accounts.confirmEmail.title")}
        body={t("accounts.confirmEmail.body")}
      />,
    );
  });

  app.post("/account/email/:token", { schema: { params: TokenParams } }, async (request, reply) => {
    const outcome = await confirmEmailChange(app.db, (request.params as { token: string }).token);
    if (outcome === "invalid") return reply.render(<LinkExpiredPage retry="/account" />, 410);
    if (outcome === "taken")
      return reply.redirectWithFlash("/account", { kind: "info", message: "accounts.flash.emailTaken" });
    return reply.redirectWithFlash("/account", { kind: "success", message: "accounts.flash.emailChanged" });
  });

  app.post(
    "/account/password",
    { schema: { body: formSchema({ currentPassword: 1000, newPassword: 1000 }) } },
    async (request, reply) => {
      const result = await changePassword(
        app.db,
        request.account!,
        request.session!.id,
        request.body as Record<string, string>,
      );
      if (!result.ok)
        return reply.render(<AccountPage account={request.account!} errors={result.errors} />, 422);
      return reply.redirectWithFlash("/account", {
        kind: "success",
        message: "accounts.flash.passwordChanged",
      });
    },
  );

  app.get("/account/sessions", async (request, reply) => {
    const list = await listSessions(app.db, request.account!.id);
    return reply.render(<SessionsPage list={list} currentId={request.session!.id} />);
  });

  app.post("/account/sessions/:id/revoke", { schema: { params: SessionParams } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    // Only the account's own sessions match: anyone else's id is "not found".
    if (!(await revokeSession(app.db, id, request.account!.id))) throw new NotFoundError();
    if (id === request.session!.id) {
      clearSessionCookie(reply);
      return reply.redirectWithFlash("/", { kind: "info", message: "accounts.flash.signedOut" });
    }
    return reply.redirectWithFlash("/account/sessions", {
      kind: "success",
      message: "accounts.flash.sessionRevoked",
    });
  });

  app.get("/account/delete", async (request, reply) =>
    reply.render(<DeleteAccountPage account={request.account!} />),
  );

  app.post(
    "/account/delete",
    { schema: { body: formSchema({ mode: 20, confirm: 1000 }) } },
    async (request, reply) => {
      const body = request.body as { mode?: string; confirm?: string };
      const result = await deleteAccount(app.db, app.features, request.account!, body);
      if (!result.ok)
        return reply.render(
          <DeleteAccountPage account={request.account!} values={body} errors={result.errors} />,
          422,
        );
      clearSessionCookie(reply);
      return reply.redirectWithFlash("/", { kind: "success", message: "accounts.flash.deleted" });
    },
  );

  const renderPhone = async (
    request: Parameters<typeof requireAccount>[0],
    reply: Parameters<typeof requireAccount>[1],
    errors?: Parameters<typeof PhonePage>[0]["errors"],
  ) => {
    const account = request.account!;
    const check = await findPhoneCheck(app.db, account.id);
    const codeSent = Boolean(check?.codeExpiresAt && check.codeExpiresAt > new Date());
    return reply.render(
      <PhonePage
        account={account}
        verified={isPhoneVerified(account, check)}
        codeSent={codeSent}
        errors={errors}
      />,
      errors ? 422 : 200,
    );
  };

  app.get("/account/phone", async (request, reply) => renderPhone(request, reply));

  app.post("/account/phone/code", async (request, reply) => {
    const result = await sendPhoneCode(app.db, request.account!);
    if (!result.ok) return renderPhone(request, reply, result.errors);
    return reply.redirectWithFlash("/account/phone", { kind: "success", message: "accounts.phone.sent" });
  });

  app.post(
    "/account/phone/verify",
    { schema: { body: formSchema({ code: 20 }) } },
    async (request, reply) => {
      const result = await confirmPhoneCode(app.db, request.account!, request.body as { code?: string });
      if (!result.ok) return renderPhone(request, reply, result.errors);
      return reply.redirectWithFlash("/account/phone", { kind: "success", message: "accounts.phone.done" });
    },
  );

  app.get("/account/profile", async (request, reply) => {
    const [profile, governorates] = await Promise.all([
      findProfile(app.db, request.account!.id),
      listGovernorates(app.db),
    ]);
    const values = profile
      ? {
          consent: "yes",
          residence: profile.residence ?? "",
          ageBand: profile.ageBand ?? "",
          gender: profile.gender ?? "",
        }
      : {};
    return reply.render(<ProfilePage governorates={governorates} values={values} saved={profile !== null} />);
  });

  app.post(
    "/account/profile",
    { schema: { body: formSchema({ consent: 10, residence: 20, ageBand: 20, gender: 20 }) } },
    async (request, reply) => {
      const body = request.body as Record<string, string | undefined>;
      const result = await saveProfile(app.db, request.account!.id, body);
      if (!result.ok) {
        const [governorates, profile] = await Promise.all([
          listGovernorates(app.db),
          findProfile(app.db, request.account!.id),
        ]);
        return reply.render(
          <ProfilePage
            governorates={governorates}
            values={body}
            errors={result.errors}
            saved={profile !== null}
          />,
          422,
        );
      }
      return reply.redirectWithFlash("/account/profile", {
        kind: "success",
        message: "accounts.flash.profileSaved",
      });
    },
  );

  app.post("/account/profile/delete", async (request, reply) => {
    await deleteProfile(app.db, request.account!.id);
    return reply.redirectWithFlash("/account/profile", {
      kind: "success",
      message: "accounts.flash.profileDeleted",
    });
  });
};
