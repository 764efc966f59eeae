import { type Actor, hasRole, hasScope, scopeOf } from "../../core/authz/actor.js";

export type StructureAction =
  /** Open the admin list of structures. */
  | "list"
  /** Open a structure's admin page. */
  | "view"
  | "create"
  /** Edit everything: names, kind, governorate, summary, contact. */
  | "update"
  /** Edit what a structure says about itself: summary and contact details. */
  | "updateDetails"
  | "move"
  | "retire"
  | "restore"
  /** List, add, rename and retire its request categories. */
  | "manageCategories";

const STRUCTURE_ACTIONS: ReadonlySet<StructureAction> = new Set([
  "view",
  "update",
  "updateDetails",
  "move",
  "retire",
  "restore",
  "manageCategories",
]);

const OWN_STRUCTURE_ACTIONS: ReadonlySet<StructureAction> = new Set([
  "view",
  "updateDetails",
  "manageCategories",
]);

/**
 * Who may manage the directory of public structures. Default-deny:
 * - platform admins: everything, on every structure;
 * - structure admins: the admin list (their own structures only), and on their own structures
 *   the summary, contact details and request categories; never the kind, the place in the tree,
 *   nor retirement;
 * - anyone else: nothing (the public pages need no permission).
 */
export function canStructure(
  actor: Actor,
  action: StructureAction,
  structure: { id: string } | null,
): boolean {
  if (!actor.accountId) return false;
  if (action === "create") return actor.platformAdmin;
  if (action === "list") return hasScope(actor, "structure_admin");
  if (!structure || !STRUCTURE_ACTIONS.has(action)) return false;
  if (actor.platformAdmin) return true;
  return OWN_STRUCTURE_ACTIONS.has(action) && hasRole(actor, structure.id, "structure_admin");
}

/** The structures an actor sees in the admin list: all of them for platform admins. */
export function structureScope(actor: Actor): "all" | string[] {
  return scopeOf(actor, "structure_admin");
}

export type StructureAbilities = Record<Exclude<StructureAction, "list" | "create">, boolean>;

/** What the actor may do with one structure, for views (so they never re-derive the rules). */
export function structureAbilities(actor: Actor, structure: { id: string }): StructureAbilities {
  const can = (action: StructureAction) => canStructure(actor, action, structure);
  return {
    view: can("view"),
    update: can("update"),
    updateDetails: can("updateDetails"),
    move: can("move"),
    retire: can("retire"),
    restore: can("restore"),
    manageCategories: can("manageCategories"),
  };
}
