import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import Type, { type Static } from "typebox";
import { requireStaff } from "../../../core/auth/plugin.js";
import { ForbiddenError, NotFoundError } from "../../../core/errors/app-error.js";
import { formSchema } from "../../../core/forms.js";
import { pickLocalized } from "../../../core/i18n/localized.js";
import { isUuid } from "../../../core/ids.js";
import { cancelInvitation } from "../commands/cancel-invitation.js";
import { type InviteInput, inviteStaff } from "../commands/invite-staff.js";
import { revokeMembership } from "../commands/revoke-membership.js";
import { type InviterContext, invitationPayload } from "../invitations.js";
import { canPlatformAdmins, canStaff, grantableRoles, staffScope } from "../policy.js";
import {
  findMembership,
  findPendingInvitation,
  listMemberships,
  listPendingInvitations,
  listScopeStructures,
  STAFF_PAGE_SIZE,
} from "../queries.js";
import { InvitePage } from "../views/invite-page.js";
import { RevokeConfirmPage } from "../views/revoke-page.js";
import { StaffPage } from "../views/staff-page.js";

const ListQuery = Type.Object({
  structure: Type.Optional(Type.String({ maxLength: 100 })),
  page: Type.Optional(Type.String({ maxLength: 10 })),
});
const InviteBody = formSchema({ email: 300, displayName: 200, role: 50, structureId: 100 });
const IdParams = Type.Object({ lang: Type.String(), id: Type.String({ maxLength: 100 }) });

export function inviterContext(request: FastifyRequest): InviterContext {
  return {
    actor: request.actor,
    actorName: request.account!.displayName,
    locale: request.locale,
    publicUrl: request.server.config.publicUrl,
    request,
  };
}

/** Staff of the actor's structures: the list, invitations, and revocations. */
export const staffAdminRoutes: FastifyPluginAsync = async (app) => {
  app.addHook("onRequest", async (_request, reply) => {
    reply.noStore();
  });

  app.get<{ Querystring: Static<typeof ListQuery> }>(
    "/admin/staff",
    { preHandler: requireStaff, schema: { querystring: ListQuery } },
    async (request, reply) => {
      const { actor } = request;
      const scope = staffScope(actor);
      const filter = request.query.structure || null;
      // Another structure's staff is not there for this actor, whoever they are: 404.
      if (filter !== null && (!isUuid(filter) || !canStaff(actor, "list", { structureId: filter })))
        throw new NotFoundError();
      if (filter === null && scope !== "all" && scope.length === 0) throw new ForbiddenError();
      const shown = filter ? [filter] : scope;
      const page = Math.max(1, Number.parseInt(request.query.page ?? "1", 10) || 1);
      const [structures, memberships, invitations] = await Promise.all([
        listScopeStructures(app.db, scope),
        listMemberships(app.db, shown, page),
        listPendingInvitations(app.db, shown),
      ]);
      return reply.render(
        <StaffPage
          structures={structures}
          structureId={filter}
          memberships={memberships.rows.map((m) => ({ ...m, canRevoke: canStaff(actor, "revoke", m) }))}
          page={page}
          totalPages={Math.ceil(memberships.total / STAFF_PAGE_SIZE)}
          invitations={invitations.map((i) => ({
            ...i,
            canCancel: canStaff(actor, "invite", { structureId: i.structureId, role: i.role }),
          }))}
          canInvite={structures.length > 0}
          platformAdmin={canPlatformAdmins(actor, "list")}
        />,
      );
    },
  );

  const invitePage = async (request: FastifyRequest, values: InviteInput) => {
    const { actor } = request;
    const structures = await listScopeStructures(app.db, staffScope(actor));
    if (structures.length === 0) throw new ForbiddenError();
    const roles = new Set(structures.flatMap((s) => grantableRoles(actor, s.id)));
    return {
      structures,
      roles: (["agent", "moderator", "structure_admin", "integrity_officer"] as const).filter((r) =>
        roles.has(r),
      ),
      integrityReserved: !roles.has("integrity_officer"),
      values,
    };
  };

  app.get<{ Querystring: Static<typeof ListQuery> }>(
    "/admin/staff/invite",
    { preHandler: requireStaff, schema: { querystring: ListQuery } },
    async (request, reply) => {
      const page = await invitePage(request, { structureId: request.query.structure });
      if (page.structures.length === 1) page.values.structureId = page.structures[0]!.id;
      return reply.render(<InvitePage {...page} />);
    },
  );

  app.post<{ Body: Partial<Record<"email" | "displayName" | "role" | "structureId", string>> }>(
    "/admin/staff/invite",
    { preHandler: requireStaff, schema: { body: InviteBody } },
    async (request, reply) => {
      const page = await invitePage(request, request.body);
      const result = await inviteStaff(app.db, request.body, inviterContext(request));
      if (result.ok)
        return reply.redirectWithFlash(`/admin/staff?structure=${request.body.structureId}`, {
          kind: "success",
          message: "staff.flash.invited",
        });
      return reply.render(<InvitePage {...page} errors={result.errors} />, 422);
    },
  );

  /** A live membership the actor may see (else 404), and may revoke (else 403). */
  const revocable = async (request: FastifyRequest<{ Params: Static<typeof IdParams> }>) => {
    const membership = await findMembership(app.db, request.params.id);
    if (!membership || !canStaff(request.actor, "list", membership)) throw new NotFoundError();
    if (!canStaff(request.actor, "revoke", membership)) throw new ForbiddenError();
    return membership;
  };

  app.get<{ Params: Static<typeof IdParams> }>(
    "/admin/staff/memberships/:id/revoke",
    { preHandler: requireStaff, schema: { params: IdParams } },
    async (request, reply) => {
      const m = await revocable(request);
      const { t, locale } = request;
      return reply.render(
        <RevokeConfirmPage
          title={t("staff.revoke.title")}
          body={t("staff.revoke.body", {
            name: m.name,
            role: t(`staff.roles.${m.role}`),
            structure: pickLocalized(m.structureName, locale).text,
          })}
          action={`/admin/staff/memberships/${m.id}/revoke`}
          back={`/admin/staff?structure=${m.structureId}`}
        />,
      );
    },
  );

  app.post<{ Params: Static<typeof IdParams> }>(
    "/admin/staff/memberships/:id/revoke",
    { preHandler: requireStaff, schema: { params: IdParams } },
    async (request, reply) => {
      const m = await revocable(request);
      await revokeMembership(app.db, app.features, m, { actor: request.actor, request });
      return reply.redirectWithFlash(`/admin/staff?structure=${m.structureId}`, {
        kind: "success",
        message: "staff.flash.revoked",
      });
    },
  );

  app.post<{ Params: Static<typeof IdParams> }>(
    "/admin/staff/invitations/:id/cancel",
    { preHandler: requireStaff, schema: { params: IdParams } },
    async (request, reply) => {
      const invitation = await findPendingInvitation(app.db, request.params.id);
      const payload = invitation ? invitationPayload(invitation.payload) : null;
      const visible =
        payload?.kind === "role"
          ? canStaff(request.actor, "list", { structureId: payload.structureId })
          : canPlatformAdmins(request.actor, "list");
      if (!invitation || !payload || !visible) throw new NotFoundError();
      if (!(await cancelInvitation(app.db, invitation, { actor: request.actor, request })))
        throw new ForbiddenError();
      const back =
        payload.kind === "role"
          ? `/admin/staff?structure=${payload.structureId}`
          : "/admin/staff/platform-admins";
      return reply.redirectWithFlash(back, { kind: "success", message: "staff.flash.invitationCancelled" });
    },
  );
};
