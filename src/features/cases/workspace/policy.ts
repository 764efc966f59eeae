import { type Actor, hasRole, hasScope, scopeOf } from "../../../core/authz/actor.js";
import { appealOpen } from "../appeals.js";
import { type CaseAction, type CaseStatus, canTransition, OPEN_STATUSES } from "../lifecycle.js";
import type { CaseType } from "../rules.js";

/** What staff do with a request. */
export type CaseStaffAction =
  /** Open its page, its timeline and its attachments. */
  | "view"
  /** Read the citizen's name, email and phone (never for an anonymous request: there are none). */
  | "viewContact"
  /** Take the request for oneself (a member of its structure only). */
  | "assignSelf"
  /** Hand it to another agent of its structure. */
  | "assignOthers"
  | "reply"
  | "askInfo"
  | "note"
  | "transfer"
  | "markDuplicate"
  | "close"
  /** Access-to-information requests: the law's one extension of the limit (access-law.ts). */
  | "extend";

/** The part of a request its policy looks at. */
export interface CaseResource {
  structureId: string;
  status: CaseStatus;
  anonymous: boolean;
  type?: CaseType;
  /** Appeals (appeals.ts): how many, and whose admins review the latest. Absent: none. */
  appealLevel?: number;
  appealStructureId?: string | null;
}

/** The life-cycle step each state-changing action takes (lifecycle.ts decides when it is possible). */
const LIFECYCLE: Partial<Record<CaseStaffAction, CaseAction>> = {
  assignSelf: "assign",
  assignOthers: "assign",
  reply: "reply",
  askInfo: "askInfo",
  note: "note",
  transfer: "transfer",
  markDuplicate: "markDuplicate",
  close: "close",
};

/** The life-cycle step an action takes, if it changes the request. */
export function lifecycleStep(action: CaseStaffAction): CaseAction | undefined {
  return LIFECYCLE[action];
}

/** Staff who handle a structure's requests: its agents and its structure admins. */
const HANDLERS = ["agent", "structure_admin"] as const;

/**
 * Who may do what with a request. Default-deny:
 * - its structure's agents and structure admins, and platform admins, see it and act on it as its
 *   status allows (lifecycle.ts); nobody else sees it at all (routes answer 404);
 * - only a member of its structure takes it for themselves; handing it to someone else is for the
 *   structure's admins and platform admins;
 * - while an appeal is under review, only its reviewers (the admins of the structure it went to:
 *   the request's own, then the central office; and platform admins) decide it, by closing the
 *   request with an outcome; everyone who sees the request may still add notes. The central
 *   office's admins see the requests appealed to them, and nothing else of other structures;
 * - the law's extension is for access-to-information requests still within their first limit;
 * - moderators and integrity officers of the same structure see nothing here.
 */
export function canCase(actor: Actor, action: CaseStaffAction, resource: CaseResource | null): boolean {
  if (!actor.accountId || !resource) return false;
  const member = hasRole(actor, resource.structureId, ...HANDLERS);
  const reviewer =
    (resource.appealLevel ?? 0) > 0 &&
    (actor.platformAdmin ||
      (!!resource.appealStructureId && hasRole(actor, resource.appealStructureId, "structure_admin")));
  if (!member && !actor.platformAdmin && !reviewer) return false;
  const step = LIFECYCLE[action];
  if (step && !canTransition(step, resource.status)) return false;
  if (appealOpen({ appealLevel: resource.appealLevel ?? 0, status: resource.status })) {
    if (action === "view" || action === "note") return true;
    if (action === "viewContact") return !resource.anonymous;
    return action === "close" && reviewer;
  }
  if (!member && !actor.platformAdmin) return action === "view" || action === "note";
  switch (action) {
    case "view":
    case "reply":
    case "askInfo":
    case "note":
    case "transfer":
    case "markDuplicate":
    case "close":
      return true;
    case "viewContact":
      return !resource.anonymous;
    case "assignSelf":
      return member;
    case "assignOthers":
      return actor.platformAdmin || hasRole(actor, resource.structureId, "structure_admin");
    case "extend":
      return (
        resource.type === "information" &&
        (resource.appealLevel ?? 0) === 0 &&
        OPEN_STATUSES.includes(resource.status)
      );
    default:
      return false;
  }
}

export type CaseAbilities = Record<CaseStaffAction, boolean>;

const ACTIONS: CaseStaffAction[] = [
  "view",
  "viewContact",
  "assignSelf",
  "assignOthers",
  "reply",
  "askInfo",
  "note",
  "transfer",
  "markDuplicate",
  "close",
  "extend",
];

/** Everything the actor may do with one request, for views (so they never re-derive the rules). */
export function caseAbilities(actor: Actor, resource: CaseResource): CaseAbilities {
  return Object.fromEntries(ACTIONS.map((a) => [a, canCase(actor, a, resource)])) as CaseAbilities;
}

/** Whether the actor may open a structure's queue. */
export function canQueue(actor: Actor, structureId: string): boolean {
  if (!actor.accountId) return false;
  return actor.platformAdmin || hasRole(actor, structureId, ...HANDLERS);
}

/** The structures whose queues the actor may open: every one for platform admins. */
export function queueScope(actor: Actor): "all" | string[] {
  if (!actor.accountId) return [];
  return scopeOf(actor, ...HANDLERS);
}

/** Notification preferences: for those who may be handed requests (agents, structure admins, platform admins). */
export function canSetPreferences(actor: Actor): boolean {
  const scope = queueScope(actor);
  return scope === "all" || scope.length > 0;
}

/** Whether the actor may open a structure's workload view and reassign from it: its admins and platform admins. */
export function canWorkload(actor: Actor, structureId: string): boolean {
  if (!actor.accountId) return false;
  return actor.platformAdmin || hasRole(actor, structureId, "structure_admin");
}

/** The structures whose workload the actor may open: every one for platform admins. */
export function workloadScope(actor: Actor): "all" | string[] {
  if (!actor.accountId) return [];
  return scopeOf(actor, "structure_admin");
}

export type TemplateAction = "use" | "manage";

/** Response templates: a structure's handlers use them; its admins (and platform admins) write them. */
export function canTemplate(actor: Actor, action: TemplateAction, structureId: string): boolean {
  if (!actor.accountId) return false;
  if (actor.platformAdmin) return true;
  if (action === "use") return hasRole(actor, structureId, ...HANDLERS);
  if (action === "manage") return hasRole(actor, structureId, "structure_admin");
  return false;
}

/** The structures whose templates the actor manages. */
export function templateScope(actor: Actor): "all" | string[] {
  if (!actor.accountId) return [];
  return scopeOf(actor, "structure_admin");
}

/** A routing rule as its policy sees it. */
export interface RoutingRuleResource {
  targetStructureId: string;
  /** The structure the rule's category belongs to. */
  categoryStructureId: string;
  /** The target and every structure above it in the tree. */
  targetLineage: readonly string[];
}

/**
 * Routing rules send a category's requests (by place) to a structure. Platform admins write any.
 * A structure admin writes rules that send requests to their own structure, and only for the
 * categories of that structure or of a structure above it (a ministry's category to its regional
 * directorate): never to pull in requests filed with an unrelated structure.
 */
export function canRoutingRule(actor: Actor, rule: RoutingRuleResource | null): boolean {
  if (!actor.accountId || !rule) return false;
  if (actor.platformAdmin) return true;
  return (
    hasRole(actor, rule.targetStructureId, "structure_admin") &&
    rule.targetLineage.includes(rule.targetStructureId) &&
    rule.targetLineage.includes(rule.categoryStructureId)
  );
}

/** Whether the actor may open the routing rules page at all. */
export function canListRoutingRules(actor: Actor): boolean {
  if (!actor.accountId) return false;
  return hasScope(actor, "structure_admin");
}

/** Whether the actor manages a structure's teams: its structure admins, and platform admins. */
export function canManageTeams(actor: Actor, structureId: string): boolean {
  if (!actor.accountId) return false;
  return actor.platformAdmin || hasRole(actor, structureId, "structure_admin");
}
