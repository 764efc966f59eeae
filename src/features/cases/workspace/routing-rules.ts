import { and, asc, count, eq, gte, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { accounts } from "../../../core/auth/tables.js";
import type { Actor } from "../../../core/authz/actor.js";
import { memberships } from "../../../core/authz/tables.js";
import { isUuid } from "../../../core/ids.js";
import { governorates, structures } from "../../../core/structures/tables.js";
import type { Db } from "../../../db/client.js";
import { listAncestors } from "../../structures/queries.js";
import { structureCategories } from "../../structures/tables.js";
import { caseEvents, caseTeams } from "../tables.js";
import { type RoutingRuleResource, templateScope } from "./policy.js";
import { caseRoutingRules } from "./tables.js";

export type RoutingRuleRow = typeof caseRoutingRules.$inferSelect;

const categoryOwner = alias(structures, "category_owner");
const ruleMunicipality = alias(structures, "rule_municipality");

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
      municipalityName: ruleMunicipality.name,
      teamName: caseTeams.name,
      agentName: accounts.displayName,
    })
    .from(caseRoutingRules)
    .innerJoin(structureCategories, eq(structureCategories.id, caseRoutingRules.categoryId))
    .innerJoin(categoryOwner, eq(categoryOwner.id, structureCategories.structureId))
    .innerJoin(structures, eq(structures.id, caseRoutingRules.targetStructureId))
    .leftJoin(governorates, eq(governorates.code, caseRoutingRules.governorateCode))
    .leftJoin(ruleMunicipality, eq(ruleMunicipality.id, caseRoutingRules.municipalityId))
    .leftJoin(caseTeams, eq(caseTeams.id, caseRoutingRules.targetTeamId))
    .leftJoin(accounts, eq(accounts.id, caseRoutingRules.targetAgentId))
    .where(targets === "all" ? undefined : inArray(caseRoutingRules.targetStructureId, targets))
    .orderBy(
      asc(categoryOwner.code),
      asc(structureCategories.code),
      asc(caseRoutingRules.governorateCode),
      asc(ruleMunicipality.code),
    );
}

/** How long the routing page looks back when it counts what each rule routed. */
export const ROUTED_WINDOW_DAYS = 30;

/**
 * How many requests each rule routed since a date, read from the timeline's "routed" events (each
 * carries the id of the rule that decided), by rule id; rules that routed none are absent.
 */
export async function countRouted(db: Db, ruleIds: string[], since: Date): Promise<Map<string, number>> {
  if (ruleIds.length === 0) return new Map();
  const ruleId = sql<string>`(${caseEvents.details}->>'ruleId')`;
  const rows = await db
    .select({ ruleId, n: count() })
    .from(caseEvents)
    .where(and(inArray(ruleId, ruleIds), eq(caseEvents.kind, "routed"), gte(caseEvents.at, since)))
    .groupBy(ruleId);
  return new Map(rows.map((r) => [r.ruleId, r.n]));
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
 * administer, or all for platform admins), the active categories of those structures and of the
 * structures above them, and the people who handle those structures' requests (a rule may name one).
 */
export async function routingChoices(db: Db, actor: Actor) {
  const scope = templateScope(actor);
  if (scope !== "all" && scope.length === 0) return { targets: [], categories: [], agents: [] };
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
  const agents =
    targets.length === 0
      ? []
      : await db
          .selectDistinct({
            id: accounts.id,
            name: accounts.displayName,
            structureName: structures.name,
            structureCode: structures.code,
          })
          .from(memberships)
          .innerJoin(accounts, eq(accounts.id, memberships.accountId))
          .innerJoin(structures, eq(structures.id, memberships.structureId))
          .where(
            and(
              inArray(
                memberships.structureId,
                targets.map((t) => t.id),
              ),
              inArray(memberships.role, ["agent", "structure_admin"]),
              isNull(memberships.revokedAt),
              isNull(accounts.deletedAt),
            ),
          )
          .orderBy(asc(structures.code), asc(accounts.displayName));
  return { targets, categories, agents };
}
