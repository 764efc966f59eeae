import type { Actor } from "../../core/authz/actor.js";
import { hasScope } from "../../core/authz/actor.js";

export type InsightsAction = "viewDashboard" | "viewNational" | "managePlan";

/**
 * Default-deny. Platform admins see every figure and keep the action plan. Structure admins see
 * the dashboards of their structures and their children only (viewDashboard, scoped by the
 * route); national figures (accounts, the forum, the funnel) are the central office's.
 */
export function canInsights(actor: Actor, action: InsightsAction): boolean {
  if (actor.staffLocked) return false;
  switch (action) {
    case "viewDashboard":
      return hasScope(actor, "structure_admin");
    case "viewNational":
    case "managePlan":
      return actor.platformAdmin;
    default:
      return false;
  }
}
