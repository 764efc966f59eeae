import { type Actor, isStaff, structuresWithRole } from "../../core/authz/actor.js";
import { isAddressedOfficer } from "./officers.js";

export type IntegrityAction = "work" | "read" | "reply" | "setStatus" | "openFile" | "counts";

/**
 * Who may do what in the integrity channel; default deny. Filing and following a report needs no
 * account (the receipt is the only key). Only integrity officers work reports, and only those the
 * report is addressed to (its structure's, and the central unit's) read, answer or move it.
 * Everyone else on the staff sees counts. The keys decide too: an officer whose key was not sealed
 * a report's key reads nothing, whatever this says.
 */
export function canIntegrity(
  actor: Actor,
  action: IntegrityAction,
  report?: { structureId: string | null },
  central: string | null = null,
): boolean {
  switch (action) {
    case "counts":
      return isStaff(actor);
    case "work":
      return structuresWithRole(actor, "integrity_officer").length > 0;
    case "read":
    case "reply":
    case "setStatus":
    case "openFile":
      return report !== undefined && isAddressedOfficer(actor, report.structureId, central);
    default:
      return false;
  }
}
