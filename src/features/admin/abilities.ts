import { type Actor, isStaff, structuresWithRole } from "../../core/authz/actor.js";
import type { AdminAbilities } from "./views/admin-layout.js";

/** Which admin sections an actor may open: the one place the admin navigation's rules live. */
export function adminAbilities(actor: Actor): AdminAbilities {
  const structureAdmin = structuresWithRole(actor, "structure_admin").length > 0;
  return {
    structures: actor.platformAdmin || structureAdmin,
    consultations: actor.platformAdmin || structureAdmin,
    staff: actor.platformAdmin || structureAdmin,
    deadlines: actor.platformAdmin || structureAdmin,
    ideas: actor.platformAdmin || structureAdmin,
    requests: actor.platformAdmin || structuresWithRole(actor, "agent", "structure_admin").length > 0,
    audit: actor.platformAdmin,
    integrityReports: structuresWithRole(actor, "integrity_officer").length > 0,
    integrityCounts: isStaff(actor),
    settings: actor.platformAdmin,
    events: actor.platformAdmin || structuresWithRole(actor, "agent", "structure_admin").length > 0,
    newsletters: actor.platformAdmin || structureAdmin,
    widgets: actor.platformAdmin || structureAdmin,
    help: actor.platformAdmin,
    insights: actor.platformAdmin || structureAdmin,
  };
}
