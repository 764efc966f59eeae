import { inArray, lt } from "drizzle-orm";
import { notifications } from "../../core/notifications/tables.js";
import type { RetentionRule } from "../../core/personal-data/contracts.js";

/**
 * The notification centre keeps six months: long enough to come back to a reply, read or not;
 * what it points to (the request, the consultation) stays where it is.
 */
export const notificationRetention: RetentionRule[] = [
  {
    id: "notifications",
    labelKey: "notifications.retention.label",
    durationKey: "notifications.retention.duration",
    basisKey: "notifications.retention.basis",
    days: 180,
    async purge({ db, cutoff, limit }) {
      const batch = db
        .select({ id: notifications.id })
        .from(notifications)
        .where(lt(notifications.createdAt, cutoff))
        .limit(limit);
      const gone = await db
        .delete(notifications)
        .where(inArray(notifications.id, batch))
        .returning({ id: notifications.id });
      return gone.length;
    },
  },
];
