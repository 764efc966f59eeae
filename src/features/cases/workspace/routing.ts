import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import { isUuid } from "../../../core/ids.js";
import { structures } from "../../../core/structures/tables.js";
import type { Db } from "../../../db/client.js";
import type { CaseStatus } from "../lifecycle.js";
import { type caseEvents, caseTeams } from "../tables.js";
import { type MailSettings, notifyTeam } from "./notify.js";
import type { CaseRow } from "./queries/case.js";
import {
  type Assignee,
  handlerQuery,
  leastLoadedQuery,
  listTeamAgents,
  nextInTurnQuery,
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
 * Who a rule hands a request to at its target structure, as the query that chooses them: the named
 * agent (while they still handle its requests), the agent with the fewest open requests, or the
 * next agent after the one it chose last (round robin); among the members of the rule's team when
 * it names one. Null when the rule assigns nobody. The intake runs it inside its insert
 * (assignmentBy), so choosing costs the filing no round trip of its own.
 */
export function assigneeQuery(rule: RoutingRule): SQL | null {
  const structureId = rule.targetStructureId;
  switch (rule.assignment) {
    case "none":
      return null;
    case "agent":
      return rule.targetAgentId ? handlerQuery(structureId, rule.targetAgentId) : null;
    case "least_loaded":
      return leastLoadedQuery(structureId, rule.targetTeamId);
    case "round_robin":
      return nextInTurnQuery(rule.id, structureId, rule.targetTeamId);
  }
}

/**
 * A rule's choice of agent, for the statement that inserts the request: the WITH query that
 * chooses (run once however often it is read), the columns it sets (the agent, who starts on it,
 * or nobody and "new" when the structure or team has no agent), and the agent it chose, to return.
 */
export function assignmentBy(db: Db, rule: RoutingRule) {
  const query = assigneeQuery(rule);
  if (!query) return null;
  const chosen = db.$with("chosen_assignee", {}).as(query);
  return {
    with: chosen,
    values: {
      assigneeId: sql<string | null>`(select id from ${chosen})`,
      status: sql<CaseStatus>`coalesce((select 'in_progress'::case_status from ${chosen}), 'new')`,
    },
    assignee: sql<Assignee | null>`(select row_to_json(a) from ${chosen} a)`,
  };
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
 * Once a rule assigned a request: a round-robin rule remembers whose turn it was, as a WITH query
 * for the intake's next statement (null for the other rules).
 */
export function turnTaken(db: Db, rule: RoutingRule, assignee: Assignee) {
  if (rule.assignment !== "round_robin") return null;
  return db
    .$with("turn_taken", {})
    .as(
      db
        .update(caseRoutingRules)
        .set({ lastAssigneeId: assignee.id })
        .where(eq(caseRoutingRules.id, rule.id))
        .getSQL(),
    );
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
    members.filter((m) => m.instantMail),
    c,
    team.name,
  );
}
