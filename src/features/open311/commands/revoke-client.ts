import { and, eq, isNull } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { audit } from "../../../core/audit/record.js";
import type { Db } from "../../../db/client.js";
import type { Open311Client } from "../queries.js";
import { open311Clients } from "../tables.js";

/**
 * Revokes a client's key: from now on its POSTs are refused with 403. Revoking twice changes
 * nothing and is audited once. Returns whether this call revoked it.
 */
export async function revokeClient(
  db: Db,
  client: Pick<Open311Client, "id">,
  context: { actorId: string | null; request?: FastifyRequest },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const revoked = await tx
      .update(open311Clients)
      .set({ revokedAt: new Date() })
      .where(and(eq(open311Clients.id, client.id), isNull(open311Clients.revokedAt)))
      .returning({ id: open311Clients.id });
    if (revoked.length === 0) return false;
    await audit(
      tx,
      { action: "open311.key_revoke", subjectType: "open311_client", subjectId: client.id },
      context.request,
      context.actorId,
    );
    return true;
  });
}
