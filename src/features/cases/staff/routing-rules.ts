import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Actor } from "../../../core/authz/actor.js";
import type { Db } from "../../../db/client.js";
import { isUuid } from "../../structures/commands/structure-fields.js";
import { listAncestors } from "../../structures/queries.js";
import { governorates, structureCategories, structures } from "../../structures/tables.js";
import { type RoutingRuleResource, templateScope } from "./policy.js";
import { caseRoutingRules } from "./tables.js";

export type RoutingRuleRow = typeof caseRoutingRules.$inferSelect;

const categoryOwner = alias(structures, "category_owner");

/** The rules sending requests to some structures (every rule for "all"), with names to show. */
export async function listRoutingRules(db: Db, targets: "all" | string[]) {
  if (targets !== "all" && targets.length === 0) return [];
  return db
    .select({
      rule: caseRoutingRules,
      categoryName: structureCategories.name,
      categoryStructureName: categoryOwner.name,
      targetName: structures.name,
      governorateName: governorates.name,
    })
    .from(caseRoutingRules)
    .innerJoin(structureCategories, eq(structureCategories.id, caseRoutingRules.categoryId))
    .innerJoin(categoryOwner, eq(categoryOwner.id, structureCategories.structureId))
    .innerJoin(structures, eq(structures.id, caseRoutingRules.targetStructureId))
    .leftJoin(governorates, eq(governorates.code, caseRoutingRules.governorateCode))
    .where(targets === "all" ? undefined : inArray(caseRoutingRules.targetStructureId, targets))
    .orderBy(asc(categoryOwner.code), asc(structureCategories.code), asc(caseRoutingRules.governorateCode));
}

export async function findRoutingRule(db: Db, id: string | undefined): Promise<RoutingRuleRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(caseRoutingRules).where(eq(caseRoutingRules.id, id));
  return row ?? null;
}

/** The ids of a structure and of every structure above it. */
export async function lineageOf(db: Db, structureId: string): Promise<string[]> {
  const [structure] = await db
    .select({ id: structures.id, parentId: structures.parentId })
    .from(structures)
    .where(eq(structures.id, structureId));
  if (!structure) return [];
  return [structure.id, ...(await listAncestors(db, structure)).map((s) => s.id)];
}

/** What the policy needs to judge a rule (null when its category is unknown). */
export async function ruleResource(
  db: Db,
  rule: { categoryId: string; targetStructureId: string },
): Promise<RoutingRuleResource | null> {
  if (!isUuid(rule.categoryId) || !isUuid(rule.targetStructureId)) return null;
  const [category] = await db
    .select({ structureId: structureCategories.structureId })
    .from(structureCategories)
    .where(eq(structureCategories.id, rule.categoryId));
  if (!category) return null;
  return {
    targetStructureId: rule.targetStructureId,
    categoryStructureId: category.structureId,
    targetLineage: await lineageOf(db, rule.targetStructureId),
  };
}

/**
 * The choices of the "add a rule" form: the structures the actor may route to (the ones they
 * administer, or all for platform admins) and the active categories of those structures and of the
 * structures above them.
 */
export async function routingChoices(db: Db, actor: Actor) {
  const scope = templateScope(actor);
  if (scope !== "all" && scope.length === 0) return { targets: [], categories: [] };
  const targets = await db
    .select({ id: structures.id, code: structures.code, name: structures.name })
    .from(structures)
    .where(and(isNull(structures.retiredAt), scope === "all" ? undefined : inArray(structures.id, scope)))
    .orderBy(asc(structures.code));
  const owners =
    scope === "all"
      ? "all"
      : [...new Set((await Promise.all(targets.map((t) => lineageOf(db, t.id)))).flat())];
  const categories =
    owners !== "all" && owners.length === 0
      ? []
      : await db
          .select({
            id: structureCategories.id,
            name: structureCategories.name,
            structureName: structures.name,
          })
          .from(structureCategories)
          .innerJoin(structures, eq(structures.id, structureCategories.structureId))
          .where(
            and(
              isNull(structureCategories.retiredAt),
              isNull(structures.retiredAt),
              owners === "all" ? undefined : inArray(structureCategories.structureId, owners),
            ),
          )
          .orderBy(asc(structures.code), asc(structureCategories.code));
  return { targets, categories };
}
