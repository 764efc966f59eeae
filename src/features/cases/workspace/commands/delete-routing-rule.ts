import { eq } from "drizzle-orm";
import { audit } from "../../../../core/audit/record.js";
import type { RoutingRuleRow } from "../routing-rules.js";
import { caseRoutingRules } from "../tables.js";
import type { StaffContext } from "./context.js";

/** Removes a routing rule: that category's requests stay where citizens send them. */
export async function deleteRoutingRule(ctx: StaffContext, rule: RoutingRuleRow): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await tx.delete(caseRoutingRules).where(eq(caseRoutingRules.id, rule.id));
    await audit(
      tx,
      {
        action: "case_routing_rule.delete",
        subjectType: "case_routing_rule",
        subjectId: rule.id,
        structureId: rule.targetStructureId,
        details: {
          categoryId: rule.categoryId,
          governorateCode: rule.governorateCode,
          municipalityId: rule.municipalityId,
        },
      },
      ctx.request,
      ctx.actor.accountId,
    );
  });
}
