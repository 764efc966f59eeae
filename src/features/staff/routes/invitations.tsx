import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import Type, { type Static } from "typebox";
import { setSessionCookie } from "../../../core/auth/cookie.js";
import { createSession, describeDevice } from "../../../core/auth/sessions.js";
import type { FieldErrors } from "../../../core/forms.js";
import { formSchema } from "../../../core/forms.js";
import { pickLocalized } from "../../../core/i18n/localized.js";
import { type AcceptField, type AcceptInput, acceptInvitation } from "../commands/accept-invitation.js";
import { findInvitation, type Invitation } from "../invitations.js";
import { InvalidInvitationPage, InvitationPage, type InvitationState } from "../views/invitation-pages.js";

const TokenParams = Type.Object({ lang: Type.String(), token: Type.String({ maxLength: 200 }) });
const AcceptBody = formSchema({ displayName: 200, password: 300 });

function stateFor(invitation: Invitation, request: FastifyRequest): InvitationState {
  if (invitation.account.passwordHash === null) return "set_password";
  if (!request.account) return "sign_in";
  return request.account.id === invitation.account.id ? "accept" : "other_account";
}

/** Public: where an invitation link leads. The token is the only credential, so nothing is cached. */
export const invitationRoutes: FastifyPluginAsync = async (app) => {
  app.addHook("onRequest", async (_request, reply) => {
    reply.noStore();
    reply.header("referrer-policy", "no-referrer");
  });

  const render = (
    request: FastifyRequest<{ Params: Static<typeof TokenParams> }>,
    reply: FastifyReply,
    invitation: Invitation,
    values: AcceptInput,
    errors?: FieldErrors<AcceptField>,
  ) => {
    const { t, locale } = request;
    const { payload, structure } = invitation;
    const role = t(`staff.roles.${payload.kind === "platform_admin" ? "platform_admin" : payload.role}`);
    return reply.render(
      <InvitationPage
        token={request.params.token}
        role={role}
        structure={structure ? pickLocalized(structure.name, locale).text : null}
        email={invitation.account.email ?? ""}
        state={stateFor(invitation, request)}
        values={values}
        errors={errors}
      />,
      errors ? 422 : 200,
    );
  };

  app.get<{ Params: Static<typeof TokenParams> }>(
    "/invitations/:token",
    { schema: { params: TokenParams } },
    async (request, reply) => {
      const invitation = await findInvitation(app.db, request.params.token);
      if (!invitation) return reply.render(<InvalidInvitationPage />, 404);
      return render(request, reply, invitation, { displayName: invitation.account.displayName });
    },
  );

  app.post<{ Params: Static<typeof TokenParams>; Body: Partial<Record<"displayName" | "password", string>> }>(
    "/invitations/:token",
    { schema: { params: TokenParams, body: AcceptBody } },
    async (request, reply) => {
      const { token } = request.params;
      const invitation = await findInvitation(app.db, token);
      if (!invitation) return reply.render(<InvalidInvitationPage />, 404);
      const outcome = await acceptInvitation(app.db, invitation, token, request.body, {
        signedInAccountId: request.account?.id ?? null,
        request,
      });
      switch (outcome.status) {
        case "invalid":
          return reply.render(<InvalidInvitationPage />, 404);
        case "errors":
          return render(
            request,
            reply,
            invitation,
            { displayName: request.body.displayName },
            outcome.errors,
          );
        case "sign_in_required":
          return render(request, reply, invitation, {});
      }
      if (request.account?.id !== outcome.accountId) {
        const session = await createSession(app.db, outcome.accountId, {
          persistent: false,
          device: describeDevice(request.headers["user-agent"]),
        });
        setSessionCookie(reply, { ...session, persistent: false });
      }
      const admin = `/${request.locale}/admin`;
      const next = invitation.account.totpEnabledAt
        ? "/admin"
        : `/account/two-factor?next=${encodeURIComponent(admin)}`;
      return reply.redirectWithFlash(next, { kind: "success", message: "staff.flash.invitationAccepted" });
    },
  );
};
