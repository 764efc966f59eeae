import { and, eq, gt, isNull } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { audit } from "../../../core/audit/record.js";
import { accountTokens } from "../../../core/auth/tables.js";
import type { Actor } from "../../../core/authz/actor.js";
import type { Db } from "../../../db/client.js";
import { invitationPayload } from "../invitations.js";
import { canPlatformAdmins, canStaff } from "../policy.js";

/** Cancels a pending invitation: its link stops working at once. Returns false if not allowed or gone. */
export async function cancelInvitation(
  db: Db,
  invitation: { id: string; accountId: string; payload: Record<string, unknown> },
  context: { actor: Actor; request?: FastifyRequest },
): Promise<boolean> {
  const payload = invitationPayload(invitation.payload);
  const allowed =
    payload?.kind === "role"
      ? canStaff(context.actor, "invite", { structureId: payload.structureId, role: payload.role })
      : payload?.kind === "platform_admin" && canPlatformAdmins(context.actor, "grant");
  if (!payload || !allowed) return false;
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(accountTokens)
      .set({ expiresAt: new Date() })
      .where(
        and(
          eq(accountTokens.id, invitation.id),
          isNull(accountTokens.usedAt),
          gt(accountTokens.expiresAt, new Date()),
        ),
      )
      .returning({ id: accountTokens.id });
    if (rows.length === 0) return false;
    await audit(
      tx,
      {
        action: payload.kind === "role" ? "membership.invite_cancel" : "platform_admin.invite_cancel",
        subjectType: "account",
        subjectId: invitation.accountId,
        structureId: payload.kind === "role" ? payload.structureId : null,
        details: payload.kind === "role" ? { role: payload.role } : {},
      },
      context.request,
      context.actor.accountId,
    );
    return true;
  });
}
