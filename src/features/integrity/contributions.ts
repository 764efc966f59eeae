import { sql } from "drizzle-orm";
import type { ContributionSource } from "../../core/features/contracts.js";

/**
 * Reports, counted by insights and nothing more: no place, no person, by the day each was received
 * on.
 */
export const integrityContributions: ContributionSource = {
  mechanisms: [{ name: "integrity_report", labelKey: "integrity.contributions.integrity_report" }],
  order: 70,
  sql: sql`
    select to_char(ir.received_on, 'YYYY-MM'), 'integrity_report', 'unstated', ir.structure_id, null::uuid
    from integrity_reports ir`,
};
