import { type Actor, hasRole, hasScope, scopeOf } from "../../core/authz/actor.js";
import { phaseRefusal } from "./phase.js";

export type ConsultationAction =
  /** Open the admin list of consultations. */
  | "list"
  | "create"
  /** Open a consultation's admin pages, see its live results, export its contributions. */
  | "manage"
  /** Edit it, its sections, questionnaire and documents; publish, open and close it. */
  | "update"
  /** Write and publish the synthesis and the decision. */
  | "publishOutcome";

/**
 * Who may run consultations. Default-deny:
 * - platform admins: every consultation;
 * - structure admins: the consultations of their own structures;
 * - anyone else: none (the public pages need no permission; taking part is canParticipate).
 */
export function canConsultation(
  actor: Actor,
  action: ConsultationAction,
  consultation: { structureId: string } | null,
): boolean {
  if (!actor.accountId) return false;
  if (action === "list" || action === "create") return hasScope(actor, "structure_admin");
  if (!consultation) return false;
  return actor.platformAdmin || hasRole(actor, consultation.structureId, "structure_admin");
}

/** The structures whose consultations an actor runs: all of them for platform admins. */
export function consultationScope(actor: Actor): "all" | string[] {
  return scopeOf(actor, "structure_admin");
}

/** Whether the actor may see the consultation's public page: published ones for all, drafts for its admins. */
export function canSeeConsultation(
  actor: Actor,
  consultation: { structureId: string; visibility: "draft" | "published" },
): boolean {
  return consultation.visibility === "published" || canConsultation(actor, "manage", consultation);
}

/** Answers on behalf of the consulting structure: its admins and agents, and platform admins. */
export function speaksForStructure(actor: Actor, consultation: { structureId: string }): boolean {
  return actor.platformAdmin || hasRole(actor, consultation.structureId, "structure_admin", "agent");
}

export type ParticipationRefusal = "signIn" | "identityRequired" | "notOpenYet" | "closed";

/**
 * Whether the actor may comment, support or answer now, and why not: the phase comes first (the
 * same answer for everyone), then the participation rule. Staff who answer for the structure are
 * not held to the identity rule.
 */
export function participationRefusal(
  actor: Actor,
  consultation: Parameters<typeof phaseRefusal>[0] & {
    structureId: string;
    participation: "signed_in" | "identity_verified";
  },
  now = new Date(),
): ParticipationRefusal | null {
  const phase = phaseRefusal(consultation, now);
  if (phase) return phase;
  if (!actor.accountId) return "signIn";
  if (
    consultation.participation === "identity_verified" &&
    !actor.identityVerified &&
    !speaksForStructure(actor, consultation)
  )
    return "identityRequired";
  return null;
}
