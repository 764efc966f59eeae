/** The phases of a consultation, in order, as people see them on its timeline. */
export const PHASES = ["announced", "open", "closed", "analysis", "outcome"] as const;
export type Phase = (typeof PHASES)[number];

export interface PhaseDates {
  visibility: "draft" | "published";
  opensAt: Date;
  closesAt: Date;
  outcomePublishedAt: Date | null;
}

/**
 * Where a consultation stands at `now`, from its dates alone (so every node agrees without a job):
 * draft until published; then announced before it opens, open until it closes, under analysis
 * once closed, and "outcome" once the synthesis and the decision are published.
 */
export function phaseOf(c: PhaseDates, now = new Date()): Phase | "draft" {
  if (c.visibility === "draft") return "draft";
  if (c.outcomePublishedAt) return "outcome";
  if (now < c.opensAt) return "announced";
  if (now < c.closesAt) return "open";
  return "analysis";
}

/** Whether contributions (comments, supports, questionnaire answers) are accepted at `now`. */
export function isOpen(c: PhaseDates, now = new Date()): boolean {
  return phaseOf(c, now) === "open";
}

/** Whether the consultation has closed (its questionnaire results become public). */
export function hasClosed(c: PhaseDates, now = new Date()): boolean {
  const phase = phaseOf(c, now);
  return phase === "analysis" || phase === "outcome";
}

/**
 * Why a contribution is refused at `now`, or null when it is accepted: the message says whether
 * the consultation has not opened yet or has closed.
 */
export function phaseRefusal(c: PhaseDates, now = new Date()): "notOpenYet" | "closed" | null {
  const phase = phaseOf(c, now);
  if (phase === "open") return null;
  return phase === "announced" || phase === "draft" ? "notOpenYet" : "closed";
}
