import { sql } from "drizzle-orm";
import type { ContributionSource } from "../../core/features/contracts.js";
import { contributionMonth } from "../../core/features/contributions.js";

/** Ideas and supports, counted by insights, placed where the idea is about, else where the person lives. */
export const ideaContributions: ContributionSource = {
  mechanisms: [
    { name: "idea", labelKey: "ideas.contributions.idea" },
    { name: "idea_support", labelKey: "ideas.contributions.idea_support" },
  ],
  order: 30,
  sql: sql`
    select ${contributionMonth("i.created_at")}, 'idea',
      coalesce(i.governorate_code, p.residence, 'unstated'), i.structure_id, i.author_id
    from ideas i left join account_profiles p on p.account_id = i.author_id
    union all
    select ${contributionMonth("s.created_at")}, 'idea_support',
      coalesce(i.governorate_code, p.residence, 'unstated'), i.structure_id, s.account_id
    from idea_supports s join ideas i on i.id = s.idea_id left join account_profiles p on p.account_id = s.account_id`,
};
