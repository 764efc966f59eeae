import { sql } from "drizzle-orm";
import type { ContributionSource } from "../../core/features/contracts.js";
import { contributionMonth } from "../../core/features/contributions.js";

/**
 * Comments (not the structure's official ones) and questionnaire answers, counted by insights, placed
 * where the consultation is about, else where the participant lives.
 */
export const consultationContributions: ContributionSource = {
  mechanisms: [
    { name: "consultation_comment", labelKey: "consultations.contributions.consultation_comment" },
    { name: "questionnaire_answer", labelKey: "consultations.contributions.questionnaire_answer" },
  ],
  order: 10,
  sql: sql`
    select ${contributionMonth("cc.created_at")}, 'consultation_comment',
      coalesce(k.governorate_code, p.residence, 'unstated'), k.structure_id, cc.author_id
    from consultation_comments cc join consultations k on k.id = cc.consultation_id
      left join account_profiles p on p.account_id = cc.author_id
    where not cc.official
    union all
    select ${contributionMonth("r.created_at")}, 'questionnaire_answer',
      coalesce(k.governorate_code, p.residence, 'unstated'), k.structure_id, r.account_id
    from consultation_responses r join consultations k on k.id = r.consultation_id
      left join account_profiles p on p.account_id = r.account_id`,
};
