import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import Type, { type Static } from "typebox";
import { safeNext } from "../../../core/auth/cookie.js";
import { requireAccount, requireSession } from "../../../core/auth/plugin.js";
import { totpQrCode } from "../../../core/auth/totp.js";
import { formSchema } from "../../../core/forms.js";
import { disableTotp } from "../commands/disable-totp.js";
import { enableTotp } from "../commands/enable-totp.js";
import { startTotpEnrolment } from "../commands/start-totp-enrolment.js";
import { verifySecondFactor } from "../commands/verify-second-factor.js";
import { isStaffAccount } from "../queries.js";
import {
  RecoveryCodesPage,
  TwoFactorEnrolPage,
  TwoFactorStatusPage,
  TwoFactorVerifyPage,
} from "../views/two-factor-pages.js";

const NextQuery = Type.Object({ next: Type.Optional(Type.String({ maxLength: 2000 })) });
const CodeBody = formSchema({ code: 100, next: 2000 });
const PasswordBody = formSchema({ password: 300 });

/** What the status page shows of an account whose second factor is on. */
function totpStatus(account: NonNullable<FastifyRequest["account"]>, enabledAt: Date) {
  return {
    enabledAt,
    codesLeft: account.recoveryCodeHashes.length,
    hasPassword: account.passwordHash !== null,
  };
}

/** Where to go after the TOTP step: the requested local page, else the admin area or the account. */
function nextFor(request: FastifyRequest, raw: unknown, staff: boolean): string {
  return safeNext(raw, `/${request.locale}${staff ? "/admin" : "/account"}`);
}

/** "/fr/admin?x" → "/admin?x" when the page is in French (for a redirect with a flash), else null. */
function localPart(path: string, locale: string): string | null {
  const match = /^\/(ar|fr|en)(\/.*|\?.*)?$/.exec(path);
  if (!match || match[1] !== locale) return null;
  return match[2] ? (match[2].startsWith("?") ? `/${match[2]}` : match[2]) : "/";
}

/** TOTP: enrolment and its recovery codes, turning it off (citizens), and the sign-in step. */
export const twoFactorRoutes: FastifyPluginAsync = async (app) => {
  /** The enrolment page's data, or null once TOTP is on. */
  const enrolment = async (request: FastifyRequest, staff: boolean, next: string) => {
    const account = request.account!;
    const secret = await startTotpEnrolment(app.db, app.totpKey, account);
    if (!secret) return null;
    const qr = await totpQrCode(secret, account.email ?? account.displayName);
    return { secret, qr, staff, next };
  };

  app.get<{ Querystring: Static<typeof NextQuery> }>(
    "/account/two-factor",
    { preHandler: requireAccount, schema: { querystring: NextQuery } },
    async (request, reply) => {
      reply.noStore();
      const account = request.account!;
      const staff = await isStaffAccount(app.db, account);
      const next = nextFor(request, request.query.next, staff);
      if (account.totpEnabledAt) {
        return reply.render(
          <TwoFactorStatusPage
            {...totpStatus(account, account.totpEnabledAt)}
            staff={staff}
            next={request.query.next ? next : null}
          />,
        );
      }
      const page = await enrolment(request, staff, next);
      if (!page) return reply.redirect(`/${request.locale}/account/two-factor`, 303);
      return reply.render(<TwoFactorEnrolPage {...page} />);
    },
  );

  app.post<{ Body: Partial<Record<"code" | "next", string>> }>(
    "/account/two-factor",
    { preHandler: requireAccount, schema: { body: CodeBody } },
    async (request, reply) => {
      reply.noStore();
      const account = request.account!;
      if (account.totpEnabledAt) return reply.redirect(`/${request.locale}/account/two-factor`, 303);
      const staff = await isStaffAccount(app.db, account);
      const next = nextFor(request, request.body.next, staff);
      const result = await enableTotp(app.db, app.totpKey, account, request.session!.id, request.body, {
        request,
      });
      if (result.ok) return reply.render(<RecoveryCodesPage codes={result.value.codes} next={next} />);
      const page = await enrolment(request, staff, next);
      if (!page) return reply.redirect(`/${request.locale}/account/two-factor`, 303);
      return reply.render(<TwoFactorEnrolPage {...page} errors={result.errors} />, 422);
    },
  );

  app.post<{ Body: Partial<Record<"password", string>> }>(
    "/account/two-factor/disable",
    { preHandler: requireAccount, schema: { body: PasswordBody } },
    async (request, reply) => {
      reply.noStore();
      const account = request.account!;
      if (!account.totpEnabledAt) return reply.redirect(`/${request.locale}/account/two-factor`, 303);
      const result = await disableTotp(app.db, app.totpKey, account, request.body, { request });
      if (result.ok)
        return reply.redirectWithFlash("/account", { kind: "success", message: "staff.flash.totpDisabled" });
      const staff = await isStaffAccount(app.db, account);
      return reply.render(
        <TwoFactorStatusPage
          {...totpStatus(account, account.totpEnabledAt)}
          staff={staff}
          next={null}
          errors={result.errors}
        />,
        staff ? 403 : 422,
      );
    },
  );

  /** A session whose account has TOTP, before its code was entered (the plugin's pendingAccount). */
  const verifyState = async (request: FastifyRequest, raw: unknown) => {
    const account = (request.pendingAccount ?? request.account)!;
    const staff = await isStaffAccount(app.db, account);
    const next = nextFor(request, raw, staff);
    if (!account.totpEnabledAt)
      return {
        redirect: staff ? `/${request.locale}/account/two-factor?next=${encodeURIComponent(next)}` : next,
      };
    if (!request.pendingAccount) return { redirect: next };
    return { next, account: request.pendingAccount };
  };

  app.get<{ Querystring: Static<typeof NextQuery> }>(
    "/sign-in/two-factor",
    { preHandler: requireSession, schema: { querystring: NextQuery } },
    async (request, reply) => {
      reply.noStore();
      const state = await verifyState(request, request.query.next);
      if (state.redirect) return reply.redirect(state.redirect, 303);
      return reply.render(<TwoFactorVerifyPage next={state.next!} />);
    },
  );

  app.post<{ Body: Partial<Record<"code" | "next", string>> }>(
    "/sign-in/two-factor",
    { preHandler: requireSession, schema: { body: CodeBody } },
    async (request, reply) => {
      reply.noStore();
      const state = await verifyState(request, request.body.next);
      if (state.redirect) return reply.redirect(state.redirect, 303);
      const result = await verifySecondFactor(
        app.db,
        app.totpKey,
        state.account!,
        request.session!.id,
        request.body,
        {
          request,
        },
      );
      if (result.ok) {
        const local = localPart(state.next!, request.locale);
        if (result.recoveryCodesLeft !== null && local)
          return reply.redirectWithFlash(local, { kind: "info", message: "staff.flash.recoveryCodeUsed" });
        return reply.redirect(state.next!, 303);
      }
      if (result.retryAfter > 0) reply.header("retry-after", String(result.retryAfter));
      return reply.render(
        <TwoFactorVerifyPage next={state.next!} errors={{ code: result.error }} />,
        result.retryAfter > 0 ? 429 : 422,
      );
    },
  );
};
