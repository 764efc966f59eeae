import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { isUuid } from "../../structures/commands/structure-fields.js";
import { structures } from "../../structures/tables.js";
import { computeDueAt } from "../deadline.js";
import { caseEvents, cases } from "../tables.js";
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
 * last (the rule's row is locked, so two requests filed at once go to two agents). Null when the
 * rule assigns nobody or the structure has no agent.
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
      const next = agents[(agents.findIndex((a) => a.id === locked?.last) + 1) % agents.length]!;
      await tx
        .update(caseRoutingRules)
        .set({ lastAssigneeId: next.id })
        .where(eq(caseRoutingRules.id, rule.id));
      return next;
    }
  }
}

export interface RoutedCase {
  ruleId: string;
  structureId: string;
  assigneeId: string | null;
}

/**
 * Applies the routing rules to a request just filed, inside the transaction that filed it (every
 * intake calls this once, through submitCase): moves it to the rule's structure (its legal clock
 * recounted there), hands it to an agent when the rule says so (the agent is told, as their mail
 * preference says), and records both in the timeline with the id of the rule that decided, which the
 * routing page counts. Null when no rule applies; the request then stays where it was filed.
 */
export async function routeNewCase(
  tx: Db,
  mail: MailSettings,
  c: CaseRow,
  now: Date,
): Promise<RoutedCase | null> {
  if (!c.categoryId) return null;
  const rule = routeCase(await loadRoutingRules(tx, c.categoryId), c);
  if (!rule) return null;
  const structureId = rule.targetStructureId;
  const moved = structureId !== c.structureId;
  const assignee = await pickAssignee(tx, rule);
  const [routed] = await tx
    .update(cases)
    .set({
      structureId,
      needsTriage: moved ? false : c.needsTriage,
      dueAt: moved ? await computeDueAt(tx, c.type, structureId, now) : c.dueAt,
      assigneeId: assignee?.id ?? null,
      status: assignee ? "in_progress" : c.status,
    })
    .where(eq(cases.id, c.id))
    .returning();
  const ruleId = rule.id;
  await tx.insert(caseEvents).values([
    {
      caseId: c.id,
      kind: "routed" as const,
      at: now,
      internal: true,
      details: { ruleId, from: c.structureId, to: structureId, anyPlace: rule.governorateCode === null },
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
  if (assignee)
    await notifyStaff(tx, mail, [assignee], "assigned", routed!, await structureName(tx, structureId));
  return { ruleId, structureId, assigneeId: assignee?.id ?? null };
}
