import type { caseEventKind, caseStatus } from "./tables.js";

export type CaseStatus = (typeof caseStatus.enumValues)[number];
export type CaseEventKind = (typeof caseEventKind.enumValues)[number];

/**
 * A request's life, in one table: which action is possible in which status, and the status it
 * leads to. Commands check here before writing; views ask here which buttons to show.
 *
 * new ──assign──▶ in_progress ──reply──▶ answered ──close──▶ closed
 *  │                 │  ▲                   │  ▲               │
 *  │      ask for info│  │citizen replies   │  └─reopen (appeal, within the window)
 *  │                 ▼  │                   ▼
 *  └──────────────▶ awaiting_citizen      (rate, while answered or closed)
 * transfer and note keep the status (transfer sends the case back to "new" at the new structure);
 * close is possible from any open status with an outcome code.
 */
export const TRANSITIONS = {
  assign: { from: ["new", "in_progress", "awaiting_citizen"], to: null },
  askInfo: { from: ["new", "in_progress"], to: "awaiting_citizen" },
  citizenReply: { from: ["awaiting_citizen"], to: "in_progress" },
  reply: { from: ["new", "in_progress", "awaiting_citizen"], to: "answered" },
  note: { from: ["new", "in_progress", "awaiting_citizen", "answered", "closed"], to: null },
  transfer: { from: ["new", "in_progress"], to: "new" },
  markDuplicate: { from: ["new", "in_progress", "awaiting_citizen"], to: "closed" },
  close: { from: ["new", "in_progress", "awaiting_citizen", "answered"], to: "closed" },
  reopen: { from: ["answered", "closed"], to: "in_progress" },
  rate: { from: ["answered", "closed"], to: null },
} as const satisfies Record<string, { from: readonly CaseStatus[]; to: CaseStatus | null }>;

export type CaseAction = keyof typeof TRANSITIONS;

export function canTransition(action: CaseAction, status: CaseStatus): boolean {
  return (TRANSITIONS[action].from as readonly CaseStatus[]).includes(status);
}

/** Events the citizen sees on their request's timeline; the rest are for staff only. */
export const PUBLIC_EVENTS: ReadonlySet<CaseEventKind> = new Set([
  "submitted",
  "transferred",
  "info_requested",
  "citizen_replied",
  "replied",
  "closed",
  "reopened",
  "appealed",
  "rated",
  "merged",
]);

/** The clock runs while staff have the case; it stops while waiting for the citizen and once answered. */
export const OPEN_STATUSES: readonly CaseStatus[] = ["new", "in_progress", "awaiting_citizen"];
