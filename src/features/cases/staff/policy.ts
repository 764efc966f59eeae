import { type Actor, hasRole, structuresWithRole } from "../../../core/authz/actor.js";
import { type CaseAction, type CaseStatus, canTransition } from "../lifecycle.js";

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
  | "close";

/** The part of a request its policy looks at. */
export interface CaseResource {
  structureId: string;
  status: CaseStatus;
  anonymous: boolean;
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
 * - moderators and integrity officers of the same structure see nothing here.
 */
export function canCase(actor: Actor, action: CaseStaffAction, resource: CaseResource | null): boolean {
  if (!actor.accountId || !resource) return false;
  const member = hasRole(actor, resource.structureId, ...HANDLERS);
  if (!member && !actor.platformAdmin) return false;
  const step = LIFECYCLE[action];
  if (step && !canTransition(step, resource.status)) return false;
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
  if (actor.platformAdmin) return "all";
  return structuresWithRole(actor, ...HANDLERS);
}

/** Whether the actor may open a structure's workload view and reassign from it: its admins and platform admins. */
export function canWorkload(actor: Actor, structureId: string): boolean {
  if (!actor.accountId) return false;
  return actor.platformAdmin || hasRole(actor, structureId, "structure_admin");
}

/** The structures whose workload the actor may open: every one for platform admins. */
export function workloadScope(actor: Actor): "all" | string[] {
  if (!actor.accountId) return [];
  if (actor.platformAdmin) return "all";
  return structuresWithRole(actor, "structure_admin");
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
  if (actor.platformAdmin) return "all";
  return structuresWithRole(actor, "structure_admin");
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
  return actor.platformAdmin || structuresWithRole(actor, "structure_admin").length > 0;
}
