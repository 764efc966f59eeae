import { eq } from "drizzle-orm";
import type { Actor } from "../../../core/authz/actor.js";
import type { Db } from "../../../db/client.js";
import { type ParticipationRefusal, participationRefusal } from "../policy.js";
import type { Consultation } from "../queries.js";
import { consultations } from "../tables.js";

export type Refused = { ok: false; refusal: ParticipationRefusal };

/**
 * Runs `store` in a transaction only if the actor may take part in the consultation now. The
 * consultation's row is read again FOR SHARE inside the transaction: closing it (an UPDATE) waits
 * for contributions under way, and a contribution after the close sees the new closing date. So
 * nothing is stored outside the open phase, even at the very moment it closes.
 */
export async function whileOpen<T>(
  db: Db,
  actor: Actor,
  consultationId: string,
  store: (tx: Db, c: Consultation) => Promise<T>,
): Promise<{ ok: true; value: T } | Refused> {
  return db.transaction(async (tx) => {
    const [c] = await tx
      .select()
      .from(consultations)
      .where(eq(consultations.id, consultationId))
      .for("share");
    if (!c) return { ok: false as const, refusal: "closed" as const };
    const refusal = participationRefusal(actor, c, new Date());
    if (refusal) return { ok: false as const, refusal };
    return { ok: true as const, value: await store(tx, c) };
  });
}
