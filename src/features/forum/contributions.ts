import { sql } from "drizzle-orm";
import type { ContributionSource } from "../../core/features/contracts.js";
import { contributionMonth } from "../../core/features/contributions.js";

/**
 * Threads and replies (not official answers), one mechanism, counted by insights. The forum is about
 * no place and no structure: placed where the person lives.
 */
export const forumContributions: ContributionSource = {
  mechanisms: [{ name: "forum_post", labelKey: "forum.contributions.forum_post" }],
  order: 50,
  sql: sql`
    select ${contributionMonth("t.created_at")}, 'forum_post', coalesce(p.residence, 'unstated'), null::uuid, t.author_id
    from forum_threads t left join account_profiles p on p.account_id = t.author_id
    union all
    select ${contributionMonth("fp.created_at")}, 'forum_post', coalesce(p.residence, 'unstated'), null::uuid, fp.author_id
    from forum_posts fp left join account_profiles p on p.account_id = fp.author_id
    where not fp.official`,
};
