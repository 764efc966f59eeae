import { inArray, lt, sql } from "drizzle-orm";
import { auditEvents } from "../../core/audit/tables.js";
import type { RetentionRule } from "../../core/personal-data/contracts.js";

/**
 * The audit log, ten years: the only deletion its append-only trigger allows, and only inside this
 * purge's own transaction (migration retention_audit_purge).
 */
export const auditRetention: RetentionRule[] = [
  {
    id: "audit-log",
    labelKey: "audit-log.retention.label",
    durationKey: "audit-log.retention.duration",
    basisKey: "audit-log.retention.basis",
    days: 3652,
    async purge({ db, cutoff, limit }) {
      return db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('sharek.retention_purge', 'on', true)`);
        const batch = tx
          .select({ id: auditEvents.id })
          .from(auditEvents)
          .where(lt(auditEvents.at, cutoff))
          .limit(limit);
        const gone = await tx
          .delete(auditEvents)
          .where(inArray(auditEvents.id, batch))
          .returning({ id: auditEvents.id });
        return gone.length;
      });
    },
  },
];
