import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import Type, { type Static } from "typebox";
import { requirePlatformAdmin } from "../../../core/auth/plugin.js";
import { ForbiddenError, NotFoundError } from "../../../core/errors/app-error.js";
import type { FieldErrors } from "../../../core/forms.js";
import { formSchema } from "../../../core/forms.js";
import { isUuid } from "../../../core/ids.js";
import {
  type AdminInviteField,
  type AdminInviteInput,
  invitePlatformAdmin,
} from "../commands/invite-platform-admin.js";
import { revokePlatformAdmin } from "../commands/revoke-platform-admin.js";
import { canPlatformAdmins } from "../policy.js";
import { findAccount, listPendingAdminInvitations, listPlatformAdmins } from "../queries.js";
import { PlatformAdminsPage } from "../views/platform-admins-page.js";
import { RevokeConfirmPage } from "../views/revoke-page.js";
import { inviterContext } from "./staff-admin.js";

const InviteBody = formSchema({ email: 300, displayName: 200, confirm: 10 });
const IdParams = Type.Object({ lang: Type.String(), id: Type.String({ maxLength: 100 }) });

/** Platform admins only: the list of platform admins, inviting one, and removing the power. */
export const platformAdminRoutes: FastifyPluginAsync = async (app) => {
  app.addHook("onRequest", async (_request, reply) => {
    reply.noStore();
  });

  const page = async (
    request: FastifyRequest,
    values: AdminInviteInput,
    errors?: FieldErrors<AdminInviteField>,
  ) => {
    const { actor } = request;
    const [admins, invitations] = await Promise.all([
      listPlatformAdmins(app.db),
      listPendingAdminInvitations(app.db),
    ]);
    return (
      <PlatformAdminsPage
        admins={admins.map((a) => ({
          ...a,
          canRevoke: canPlatformAdmins(actor, "revoke", { accountId: a.id }),
        }))}
        invitations={invitations.map((i) => ({
          ...i,
          role: "platform_admin",
          structureName: null,
          canCancel: canPlatformAdmins(actor, "grant"),
        }))}
        values={values}
        errors={errors}
      />
    );
  };

  app.get("/admin/staff/platform-admins", { preHandler: requirePlatformAdmin }, async (request, reply) =>
    reply.render(await page(request, {})),
  );

  app.post<{ Body: Partial<Record<"email" | "displayName" | "confirm", string>> }>(
    "/admin/staff/platform-admins",
    { preHandler: requirePlatformAdmin, schema: { body: InviteBody } },
    async (request, reply) => {
      const result = await invitePlatformAdmin(app.db, request.body, inviterContext(request));
      if (result.ok)
        return reply.redirectWithFlash("/admin/staff/platform-admins", {
          kind: "success",
          message: "staff.flash.adminInvited",
        });
      return reply.render(await page(request, request.body, result.errors), 422);
    },
  );

  const target = async (request: FastifyRequest<{ Params: Static<typeof IdParams> }>) => {
    const account = isUuid(request.params.id) ? await findAccount(app.db, request.params.id) : null;
    if (!account?.isPlatformAdmin) throw new NotFoundError();
    if (!canPlatformAdmins(request.actor, "revoke", { accountId: account.id })) throw new ForbiddenError();
    return account;
  };

  app.get<{ Params: Static<typeof IdParams> }>(
    "/admin/staff/platform-admins/:id/revoke",
    { preHandler: requirePlatformAdmin, schema: { params: IdParams } },
    async (request, reply) => {
      const account = await target(request);
      const { t } = request;
      return reply.render(
        <RevokeConfirmPage
          title={t("staff.admins.revokeTitle")}
          body={t("staff.admins.revokeBody", { name: account.displayName })}
          action={`/admin/staff/platform-admins/${account.id}/revoke`}
          back="/admin/staff/platform-admins"
        />,
      );
    },
  );

  app.post<{ Params: Static<typeof IdParams> }>(
    "/admin/staff/platform-admins/:id/revoke",
    { preHandler: requirePlatformAdmin, schema: { params: IdParams } },
    async (request, reply) => {
      const account = await target(request);
      await revokePlatformAdmin(app.db, account.id, { actor: request.actor, request });
      return reply.redirectWithFlash("/admin/staff/platform-admins", {
        kind: "success",
        message: "staff.flash.adminRevoked",
      });
    },
  );
};
