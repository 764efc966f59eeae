import { and, eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { audit } from "../../../core/audit/record.js";
import { accounts } from "../../../core/auth/tables.js";
import type { Actor } from "../../../core/authz/actor.js";
import type { Db } from "../../../db/client.js";
import { canPlatformAdmins } from "../policy.js";

/** Removes the platform admin power from another admin, effective at their next request. */
export async function revokePlatformAdmin(
  db: Db,
  accountId: string,
  context: { actor: Actor; request?: FastifyRequest },
): Promise<boolean> {
  if (!canPlatformAdmins(context.actor, "revoke", { accountId })) return false;
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(accounts)
      .set({ isPlatformAdmin: false })
      .where(and(eq(accounts.id, accountId), eq(accounts.isPlatformAdmin, true)))
      .returning({ id: accounts.id });
    if (rows.length === 0) return false;
    await audit(
      tx,
      { action: "platform_admin.revoke", subjectType: "account", subjectId: accountId },
      context.request,
      context.actor.accountId,
    );
    return true;
  });
}
