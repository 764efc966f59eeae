import { sql } from "drizzle-orm";
import type { ContributionSource } from "../../core/features/contracts.js";
import { contributionMonth } from "../../core/features/contributions.js";
import { caseType } from "./tables.js";

/**
 * Requests, counted by insights with one mechanism per type ("request_complaint"), placed where the
 * request is about, else where its submitter lives.
 */
export const requestContributions: ContributionSource = {
  mechanisms: caseType.enumValues.map((type) => ({
    name: `request_${type}`,
    labelKey: `cases.contributions.request_${type}`,
  })),
  order: 60,
  sql: sql`
    select ${contributionMonth("c.created_at")}, 'request_' || c.type::text,
      coalesce(c.governorate_code, p.residence, 'unstated'), c.structure_id, c.submitter_id
    from cases c left join account_profiles p on p.account_id = c.submitter_id`,
};
