import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { isUuid } from "../../structures/commands/structure-fields.js";
import { structures } from "../../structures/tables.js";
import { caseRoutingRules } from "./tables.js";

/** The part of a routing rule routeCase reads. */
export interface RoutingRule {
  categoryId: string;
  /** Null: any governorate. */
  governorateCode: string | null;
  targetStructureId: string;
  autoAssign: boolean;
}

export interface RouteInput {
  categoryId: string | null;
  governorateCode: string | null;
}

export interface Route {
  structureId: string;
  autoAssign: boolean;
}

/**
 * Where a new request goes, by its category and place: the rule for that category and that
 * governorate, else the category's rule for any governorate, else nowhere (null: the request stays
 * with the structure the citizen chose). A request without a category is never routed.
 */
export function routeCase(
  rules: readonly RoutingRule[],
  { categoryId, governorateCode }: RouteInput,
): Route | null {
  if (!categoryId) return null;
  const mine = rules.filter((r) => r.categoryId === categoryId);
  const rule =
    (governorateCode ? mine.find((r) => r.governorateCode === governorateCode) : undefined) ??
    mine.find((r) => r.governorateCode === null);
  return rule ? { structureId: rule.targetStructureId, autoAssign: rule.autoAssign } : null;
}

/** The rules of one category whose target is still an active structure (what the intake needs). */
export async function loadRoutingRules(db: Db, categoryId: string): Promise<RoutingRule[]> {
  if (!isUuid(categoryId)) return [];
  return db
    .select({
      categoryId: caseRoutingRules.categoryId,
      governorateCode: caseRoutingRules.governorateCode,
      targetStructureId: caseRoutingRules.targetStructureId,
      autoAssign: caseRoutingRules.autoAssign,
    })
    .from(caseRoutingRules)
    .innerJoin(structures, eq(structures.id, caseRoutingRules.targetStructureId))
    .where(and(eq(caseRoutingRules.categoryId, categoryId), isNull(structures.retiredAt)));
}
