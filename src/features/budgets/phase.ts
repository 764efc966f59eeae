import type { BudgetRow } from "./tables.js";

export const PHASES = ["upcoming", "proposals", "review", "voting", "results", "implementation"] as const;
export type Phase = (typeof PHASES)[number];

/** The phase a budget is in at `now`, read from its dates (each phase lasts until the next one starts). */
export function phaseOf(
  budget: Pick<
    BudgetRow,
    "proposalsFrom" | "reviewFrom" | "votingFrom" | "resultsFrom" | "implementationFrom"
  >,
  now: Date = new Date(),
): Phase {
  const t = now.getTime();
  if (t >= budget.implementationFrom.getTime()) return "implementation";
  if (t >= budget.resultsFrom.getTime()) return "results";
  if (t >= budget.votingFrom.getTime()) return "voting";
  if (t >= budget.reviewFrom.getTime()) return "review";
  if (t >= budget.proposalsFrom.getTime()) return "proposals";
  return "upcoming";
}

/** Results are public once voting has closed. */
export const resultsOut = (phase: Phase) => phase === "results" || phase === "implementation";
