import { and, eq, inArray, isNotNull, lt, or } from "drizzle-orm";
import type { RetentionRule } from "../../core/personal-data/contracts.js";
import { cases } from "./tables.js";

/**
 * Closed requests keep their content (the structures' records and statistics need it) but lose the
 * name, e-mail, phone and address they were filed with two years after closing, once no appeal or
 * reopening can need them.
 */
export const caseRetention: RetentionRule[] = [
  {
    id: "closed-request-contacts",
    labelKey: "cases.retention.label",
    durationKey: "cases.retention.duration",
    basisKey: "cases.retention.basis",
    days: 730,
    async purge({ db, cutoff, limit }) {
      const batch = db
        .select({ id: cases.id })
        .from(cases)
        .where(
          and(
            eq(cases.status, "closed"),
            lt(cases.closedAt, cutoff),
            or(
              isNotNull(cases.contactName),
              isNotNull(cases.contactEmail),
              isNotNull(cases.contactPhone),
              isNotNull(cases.contactAddress),
            ),
          ),
        )
        .limit(limit);
      const cleared = await db
        .update(cases)
        .set({ contactName: null, contactEmail: null, contactPhone: null, contactAddress: null })
        .where(inArray(cases.id, batch))
        .returning({ id: cases.id });
      return cleared.length;
    },
  },
];
