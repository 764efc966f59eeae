import type { caseType } from "./tables.js";

export type CaseType = (typeof caseType.enumValues)[number];
export const CASE_TYPES = [
  "complaint",
  "notice",
  "suggestion",
  "guidance",
  "information",
] as const satisfies readonly CaseType[];

/** Types that may be sent with no contact at all (a reply to an information request needs an address). */
export const ANONYMOUS_TYPES: ReadonlySet<CaseType> = new Set(["notice", "complaint", "suggestion"]);

export const LIMITS = {
  subject: { min: 5, max: 150 },
  description: { min: 20, max: 5000 },
  address: 300,
  attachments: 3,
  attachmentBytes: 5 * 1024 * 1024,
  reply: 5000,
} as const;
