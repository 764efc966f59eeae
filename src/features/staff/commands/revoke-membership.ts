import { and, eq, isNull } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { audit } from "../../../core/audit/record.js";
import type { Actor, StaffRole } from "../../../core/authz/actor.js";
import { memberships } from "../../../core/authz/tables.js";
import type { FeatureManifest } from "../../../core/manifest.js";
import type { Db } from "../../../db/client.js";
import { canStaff } from "../policy.js";

/**
 * Revokes a live membership. The role stops counting at the holder's very next request, since the
 * actor is rebuilt from live memberships on every request. Each of the app's features hears of it
 * (`membershipRevoked`) in the same transaction. Returns false if it was already gone.
 */
export async function revokeMembership(
  db: Db,
  features: readonly FeatureManifest[],
  membership: { id: string; structureId: string; role: StaffRole; accountId: string },
  context: { actor: Actor; request?: FastifyRequest },
): Promise<boolean> {
  if (!canStaff(context.actor, "revoke", membership)) return false;
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(memberships)
      .set({ revokedAt: new Date(), revokedBy: context.actor.accountId })
      .where(and(eq(memberships.id, membership.id), isNull(memberships.revokedAt)))
      .returning({ id: memberships.id });
    if (rows.length === 0) return false;
    for (const manifest of features) await manifest.membershipRevoked?.(tx, membership);
    await audit(
      tx,
      {
        action: "membership.revoke",
        subjectType: "membership",
        subjectId: membership.id,
        structureId: membership.structureId,
        details: { role: membership.role, accountId: membership.accountId },
      },
      context.request,
      context.actor.accountId,
    );
    return true;
  });
}
