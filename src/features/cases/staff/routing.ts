import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { isUuid } from "../../structures/commands/structure-fields.js";
import { structures } from "../../structures/tables.js";
import type { AccessTrack } from "../access-law.js";
import { computeDueAt } from "../deadline.js";
import type { CaseType } from "../rules.js";
import { caseEvents } from "../tables.js";
import { structureName } from "./commands/context.js";
import { type MailSettings, notifyStaff } from "./notify.js";
import type { CaseRow } from "./queries/case.js";
import { findHandler, type Handler, leastLoadedAgent, listAgentsInTurn } from "./queries/handlers.js";
import { caseRoutingRules, type RoutingAssignment } from "./tables.js";

/** The part of a routing rule the intake reads. */
export interface RoutingRule {
  id: string;
  categoryId: string;
  /** Null: any governorate. */
  governorateCode: string | null;
  targetStructureId: string;
  assignment: RoutingAssignment;
  targetAgentId: string | null;
}

export interface RouteInput {
  categoryId: string | null;
  governorateCode: string | null;
}

/**
 * The rule that decides where a new request goes, by its category and place: the rule for that
 * category and that governorate, else the category's rule for any governorate, else none (the
 * request stays with the structure the citizen chose). A request without a category is never routed.
 */
export function routeCase<R extends Omit<RoutingRule, "id" | "targetAgentId">>(
  rules: readonly R[],
  { categoryId, governorateCode }: RouteInput,
): R | null {
  if (!categoryId) return null;
  const mine = rules.filter((r) => r.categoryId === categoryId);
  return (
    (governorateCode ? mine.find((r) => r.governorateCode === governorateCode) : undefined) ??
    mine.find((r) => r.governorateCode === null) ??
    null
  );
}

/** The rules of one category whose target is still an active structure (what the intake needs). */
export async function loadRoutingRules(db: Db, categoryId: string): Promise<RoutingRule[]> {
  if (!isUuid(categoryId)) return [];
  return db
    .select({
      id: caseRoutingRules.id,
      categoryId: caseRoutingRules.categoryId,
      governorateCode: caseRoutingRules.governorateCode,
      targetStructureId: caseRoutingRules.targetStructureId,
      assignment: caseRoutingRules.assignment,
      targetAgentId: caseRoutingRules.targetAgentId,
    })
    .from(caseRoutingRules)
    .innerJoin(structures, eq(structures.id, caseRoutingRules.targetStructureId))
    .where(and(eq(caseRoutingRules.categoryId, categoryId), isNull(structures.retiredAt)));
}

/**
 * Who a rule hands a request to at its target structure: the named agent (while they still handle
 * its requests), the agent with the fewest open requests, or the next agent after the one it chose
 * last (the rule's row is locked until the transaction ends, so two requests filed at once go to two
 * agents). Null when the rule assigns nobody or the structure has no agent.
 */
async function pickAssignee(tx: Db, rule: RoutingRule): Promise<Handler | null> {
  const structureId = rule.targetStructureId;
  switch (rule.assignment) {
    case "none":
      return null;
    case "agent":
      return rule.targetAgentId ? findHandler(tx, structureId, rule.targetAgentId) : null;
    case "least_loaded": {
      const id = await leastLoadedAgent(tx, structureId);
      return id ? findHandler(tx, structureId, id) : null;
    }
    case "round_robin": {
      const [locked] = await tx
        .select({ last: caseRoutingRules.lastAssigneeId })
        .from(caseRoutingRules)
        .where(eq(caseRoutingRules.id, rule.id))
        .for("update");
      const agents = await listAgentsInTurn(tx, structureId);
      if (agents.length === 0) return null;
      return agents[(agents.findIndex((a) => a.id === locked?.last) + 1) % agents.length]!;
    }
  }
}

/** What a new request looks like before it is routed (the fields the rules and the clock read). */
export interface Unrouted extends RouteInput {
  type: CaseType;
  structureId: string;
  accessTrack: AccessTrack | null;
}

/** Where the rules send a new request, decided before it is written, so it is written once. */
export interface Route {
  rule: RoutingRule;
  /** Where the request was filed. */
  from: string;
  structureId: string;
  /** The legal clock at the rule's structure; null when the request stays where it was filed. */
  dueAt: Date | null;
  assignee: Handler | null;
}

/**
 * Decides, inside the transaction that files a request (every intake, through submitCase), where
 * the routing rules send it: the rule's structure (its legal clock counted there) and, when the rule
 * says so, an agent. Null when no rule applies: the request stays where it was filed.
 */
export async function decideRoute(tx: Db, c: Unrouted, now: Date): Promise<Route | null> {
  if (!c.categoryId) return null;
  const rule = routeCase(await loadRoutingRules(tx, c.categoryId), c);
  if (!rule) return null;
  const structureId = rule.targetStructureId;
  const [dueAt, assignee] = await Promise.all([
    structureId === c.structureId ? null : computeDueAt(tx, c.type, structureId, now, c.accessTrack),
    pickAssignee(tx, rule),
  ]);
  return { rule, from: c.structureId, structureId, dueAt, assignee };
}

/**
 * Records a route once the request is written with it: the timeline says which rule moved it and
 * chose its agent (the routing page counts these), a round-robin rule remembers whose turn it was,
 * and the agent is told as their mail preference says.
 */
export async function recordRoute(
  tx: Db,
  mail: MailSettings,
  c: Pick<CaseRow, "id" | "reference">,
  route: Route,
  now: Date,
): Promise<void> {
  const { rule, assignee } = route;
  const ruleId = rule.id;
  await tx.insert(caseEvents).values([
    {
      caseId: c.id,
      kind: "routed" as const,
      at: now,
      internal: true,
      details: { ruleId, from: route.from, to: route.structureId, anyPlace: rule.governorateCode === null },
    },
    ...(assignee
      ? [
          {
            caseId: c.id,
            kind: "assigned" as const,
            at: now,
            internal: true,
            details: { to: assignee.id, auto: true, ruleId, strategy: rule.assignment },
          },
        ]
      : []),
  ]);
  if (!assignee) return;
  if (rule.assignment === "round_robin") {
    await tx
      .update(caseRoutingRules)
      .set({ lastAssigneeId: assignee.id })
      .where(eq(caseRoutingRules.id, ruleId));
  }
  await notifyStaff(tx, mail, [assignee], "assigned", c, await structureName(tx, route.structureId));
}
