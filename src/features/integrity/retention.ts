import { and, eq, inArray, lt } from "drizzle-orm";
import type { RetentionRule } from "../../core/personal-data/contracts.js";
import { integrityAttachments, integrityReports } from "./tables.js";

/**
 * Closed integrity reports are deleted five years after their last change, with their keys,
 * messages and evidence (rows cascade; the sealed files are deleted from the file store).
 */
export const integrityRetention: RetentionRule[] = [
  {
    id: "closed-integrity-reports",
    labelKey: "integrity.retention.label",
    durationKey: "integrity.retention.duration",
    basisKey: "integrity.retention.basis",
    days: 1826,
    async purge({ db, cutoff, limit, files }) {
      const day = cutoff.toISOString().slice(0, 10);
      const due = await db
        .select({ id: integrityReports.id })
        .from(integrityReports)
        .where(and(eq(integrityReports.status, "closed"), lt(integrityReports.updatedOn, day)))
        .limit(limit);
      if (due.length === 0) return 0;
      const ids = due.map((r) => r.id);
      const evidence = await db
        .select({ original: integrityAttachments.originalFile, clean: integrityAttachments.cleanFile })
        .from(integrityAttachments)
        .where(inArray(integrityAttachments.reportId, ids));
      const gone = await db
        .delete(integrityReports)
        .where(inArray(integrityReports.id, ids))
        .returning({ id: integrityReports.id });
      if (files)
        for (const file of evidence)
          for (const key of [file.original, file.clean]) if (key) await files.delete(key);
      return gone.length;
    },
  },
];
