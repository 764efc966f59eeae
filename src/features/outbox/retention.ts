import { and, inArray, lt, ne } from "drizzle-orm";
import { outboxMessages } from "../../core/mail/tables.js";
import type { RetentionRule } from "../../core/personal-data/contracts.js";

/**
 * Mails and SMS in the outbox, once sent or given up: their bodies and addresses are kept only long
 * enough to answer a delivery question. Mails still waiting are never purged.
 */
export const outboxRetention: RetentionRule[] = [
  {
    id: "outbox-mail",
    labelKey: "outbox.retention.label",
    durationKey: "outbox.retention.duration",
    basisKey: "outbox.retention.basis",
    days: 90,
    async purge({ db, cutoff, limit }) {
      const batch = db
        .select({ id: outboxMessages.id })
        .from(outboxMessages)
        .where(and(ne(outboxMessages.status, "pending"), lt(outboxMessages.createdAt, cutoff)))
        .limit(limit);
      const gone = await db
        .delete(outboxMessages)
        .where(inArray(outboxMessages.id, batch))
        .returning({ id: outboxMessages.id });
      return gone.length;
    },
  },
];
