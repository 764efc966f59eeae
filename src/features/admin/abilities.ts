import { type Actor, hasScope, isStaff, structuresWithRole } from "../../core/authz/actor.js";
import type { AdminAbilities } from "./views/admin-layout.js";

/**
 * Which admin sections an actor may open: the rules of the built-in sections, which their features'
 * manifests (`adminSections`) read for the admin navigation and the admin home's cards.
 */
export function adminAbilities(actor: Actor): AdminAbilities {
  const structureAdmin = structuresWithRole(actor, "structure_admin").length > 0;
  return {
    structures: actor.platformAdmin || structureAdmin,
    consultations: actor.platformAdmin || structureAdmin,
    staff: actor.platformAdmin || structureAdmin,
    deadlines: actor.platformAdmin || structureAdmin,
    ideas: actor.platformAdmin || structureAdmin,
    requests: hasScope(actor, "agent", "structure_admin"),
    audit: actor.platformAdmin,
    integrityReports: structuresWithRole(actor, "integrity_officer").length > 0,
    integrityCounts: isStaff(actor),
    settings: actor.platformAdmin,
    events: hasScope(actor, "agent", "structure_admin"),
    newsletters: actor.platformAdmin || structureAdmin,
    widgets: actor.platformAdmin || structureAdmin,
    help: actor.platformAdmin,
    insights: actor.platformAdmin || structureAdmin,
  };
}
