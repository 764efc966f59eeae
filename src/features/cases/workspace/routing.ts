import { and, eq, isNull } from "drizzle-orm";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import { isUuid } from "../../../core/ids.js";
import type { Mail } from "../../../core/mail/outbox.js";
import { structures } from "../../../core/structures/tables.js";
import type { Db } from "../../../db/client.js";
import type { caseEvents } from "../tables.js";
import { caseTeams } from "../tables.js";
import { assigneeMails, type MailSettings, notifyTeam } from "./notify.js";
import type { CaseRow } from "./queries/case.js";
import {
  type Assignee,
  findHandler,
  leastLoadedAgent,
  listAgentsInTurn,
  listTeamAgents,
} from "./queries/handlers.js";
import { caseRoutingRules, type RoutingAssignment } from "./tables.js";

/** The part of a routing rule the intake reads. */
export interface RoutingRule {
  id: string;
  categoryId: string;
  /** Null: any governorate. */
  governorateCode: string | null;
  /** A municipality of that governorate (null: the whole governorate). */
  municipalityId: string | null;
  targetStructureId: string;
  /** A team of the target structure: the request joins its queue; any assignment is among its members. */
  targetTeamId: string | null;
  assignment: RoutingAssignment;
  targetAgentId: string | null;
  /** The target structure's name, for the assigned agent's mail. */
  targetName: LocalizedText;
}

export interface RouteInput {
  categoryId: string | null;
  governorateCode: string | null;
  /** The municipality the request comes from, when the person named one. */
  municipalityId?: string | null;
}

/** Which of a rule's places matched a request: its municipality, its governorate, or any place. */
export type RoutePlace = "municipality" | "governorate" | "any";

export const placeOf = (rule: Pick<RoutingRule, "governorateCode" | "municipalityId">): RoutePlace =>
  rule.municipalityId ? "municipality" : rule.governorateCode ? "governorate" : "any";

/**
 * The rule that decides where a new request goes, by its category and place: the category's rule
 * for the request's municipality, else for its governorate, else for any place, else none (the
 * request stays with the structure the citizen chose). A request without a category is never routed.
 */
export function routeCase<
  R extends Pick<RoutingRule, "categoryId" | "governorateCode"> & { municipalityId?: string | null },
>(rules: readonly R[], { categoryId, governorateCode, municipalityId }: RouteInput): R | null {
  if (!categoryId) return null;
  const mine = rules.filter((r) => r.categoryId === categoryId);
  return (
    (municipalityId ? mine.find((r) => r.municipalityId === municipalityId) : undefined) ??
    (governorateCode
      ? mine.find((r) => r.governorateCode === governorateCode && !r.municipalityId)
      : undefined) ??
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
      municipalityId: caseRoutingRules.municipalityId,
      targetStructureId: caseRoutingRules.targetStructureId,
      targetTeamId: caseRoutingRules.targetTeamId,
      assignment: caseRoutingRules.assignment,
      targetAgentId: caseRoutingRules.targetAgentId,
      targetName: structures.name,
    })
    .from(caseRoutingRules)
    .innerJoin(structures, eq(structures.id, caseRoutingRules.targetStructureId))
    .where(and(eq(caseRoutingRules.categoryId, categoryId), isNull(structures.retiredAt)));
}

/**
 * The rule that sends a new request elsewhere, or null when it stays where it was filed. Read before
 * the transaction that files the request, so its legal clock is counted once, at the right structure.
 */
export async function findRoute(db: Db, c: RouteInput): Promise<RoutingRule | null> {
  return c.categoryId ? routeCase(await loadRoutingRules(db, c.categoryId), c) : null;
}

/**
 * Who a rule hands a request to at its target structure: the named agent (while they still handle
 * its requests), the agent with the fewest open requests, or the next agent after the one it chose
 * last (the rule's row is locked until the transaction ends, so two requests filed at once go to two
 * agents); among the members of the rule's team when it names one. Null when the rule assigns
 * nobody or the structure (or team) has no agent. Call inside the transaction that files the request.
 */
export async function pickAssignee(tx: Db, rule: RoutingRule): Promise<Assignee | null> {
  const structureId = rule.targetStructureId;
  switch (rule.assignment) {
    case "none":
      return null;
    case "agent":
      return rule.targetAgentId ? findHandler(tx, structureId, rule.targetAgentId) : null;
    case "least_loaded":
      return leastLoadedAgent(tx, structureId, rule.targetTeamId);
    case "round_robin": {
      const [locked] = await tx
        .select({ last: caseRoutingRules.lastAssigneeId })
        .from(caseRoutingRules)
        .where(eq(caseRoutingRules.id, rule.id))
        .for("update");
      const agents = await listAgentsInTurn(tx, structureId, rule.targetTeamId);
      if (agents.length === 0) return null;
      return agents[(agents.findIndex((a) => a.id === locked?.last) + 1) % agents.length]!;
    }
  }
}

/**
 * What a route writes in the request's timeline, with the "submitted" event: which rule moved it
 * (the routing page counts these), for which place (a municipality, a governorate, anywhere), and
 * which agent it chose.
 */
export function routeEvents(
  caseId: string,
  rule: RoutingRule,
  from: string,
  assignee: Assignee | null,
  at: Date,
): Array<typeof caseEvents.$inferInsert> {
  const ruleId = rule.id;
  return [
    {
      caseId,
      kind: "routed",
      at,
      internal: true,
      details: {
        ruleId,
        from,
        to: rule.targetStructureId,
        teamId: rule.targetTeamId,
        anyPlace: rule.governorateCode === null,
        place: placeOf(rule),
        governorateCode: rule.governorateCode,
        municipalityId: rule.municipalityId,
      },
    },
    ...(assignee
      ? [
          {
            caseId,
            kind: "assigned" as const,
            at,
            internal: true,
            details: {
              to: assignee.id,
              auto: true,
              ruleId,
              strategy: rule.assignment,
              ...(rule.targetTeamId ? { teamId: rule.targetTeamId } : {}),
            },
          },
        ]
      : []),
  ];
}

/**
 * Once a rule assigned a request: a round-robin rule remembers whose turn it was. Returns the mail
 * that tells the agent, for the intake to queue with the citizen's in one statement.
 */
export async function recordAssignment(
  tx: Db,
  settings: Pick<MailSettings, "publicUrl">,
  c: Pick<CaseRow, "id" | "reference">,
  rule: RoutingRule,
  assignee: Assignee,
): Promise<Mail[]> {
  if (rule.assignment === "round_robin") {
    await tx
      .update(caseRoutingRules)
      .set({ lastAssigneeId: assignee.id })
      .where(eq(caseRoutingRules.id, rule.id));
  }
  return assigneeMails(settings, assignee, c, rule.targetName);
}

/**
 * Once a rule sent a request to a team's queue without assigning it: the team's members are told,
 * each by a mail now, or in their daily summary if they chose one (jobs/assignment-summary.ts).
 */
export async function notifyTeamQueued(
  tx: Db,
  settings: Pick<MailSettings, "publicUrl">,
  c: Pick<CaseRow, "id" | "reference">,
  rule: RoutingRule,
): Promise<number> {
  if (!rule.targetTeamId) return 0;
  const [team] = await tx
    .select({ name: caseTeams.name })
    .from(caseTeams)
    .where(eq(caseTeams.id, rule.targetTeamId));
  if (!team) return 0;
  const members = await listTeamAgents(tx, rule.targetStructureId, rule.targetTeamId);
  return notifyTeam(
    tx,
    settings,
    members.filter((m) => !m.dailySummary),
    c,
    team.name,
  );
}
