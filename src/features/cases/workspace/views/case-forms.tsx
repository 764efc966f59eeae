import type { FieldErrors } from "../../../../core/forms.js";
import { ErrorSummary } from "../../../../core/views/components/error-summary/error-summary.js";
import { usePage } from "../../../../core/views/context.js";
import type { CasePageData } from "./case-page.js";

export const CASE_ACTIONS = [
  "assign",
  "reply",
  "ask",
  "note",
  "transfer",
  "duplicate",
  "close",
  "extend",
] as const;
export type CaseActionName = (typeof CASE_ACTIONS)[number];

/** The state of the page's forms: the one just sent back with its errors, and a template's text. */
export interface CaseForms {
  action?: CaseActionName;
  values?: Record<string, string | undefined>;
  errors?: FieldErrors;
  /** The reply box's text, filled from a template. */
  reply?: string;
  templateId?: string;
}

/** The error summary of the form sent back, linking to its fields (ids are "<action>-<field>"). */
export function CaseFormErrors({ forms }: { forms: CaseForms }) {
  const { t } = usePage();
  if (!forms.action || !forms.errors) return null;
  const errors = Object.entries(forms.errors)
    .filter(([, e]) => e)
    .map(([field, e]) => ({ fieldId: `${forms.action}-${field}`, message: t(e!.key, e!.values) }));
  return <ErrorSummary errors={errors} />;
}

/** What the person sees of a reply, by the contact they chose (notify.ts mails only an e-mail address). */
export function replyHintKey(c: CasePageData["c"], submitter: CasePageData["submitter"]): string {
  if (c.anonymous) return "cases.workspace.reply.hintAnonymous";
  if (c.contactEmail || submitter?.email) return "cases.workspace.reply.hint";
  if (submitter) return "cases.workspace.reply.hintAccount";
  if (c.channel === "post" && c.contactAddress) return "cases.workspace.reply.hintPost";
  if (c.contactPhone) return "cases.workspace.reply.hintPhone";
  if (c.contactAddress) return "cases.workspace.reply.hintPost";
  return "cases.workspace.reply.hintFollowOnly";
}

/** Whether the actor may do anything to the request besides seeing it and replying (the side panel's actions). */
export function hasOtherActions(can: CasePageData["abilities"]): boolean {
  return Object.entries(can).some(([k, v]) => v && k !== "view" && k !== "viewContact" && k !== "reply");
}

/** The state the forms share: the action's values and errors, and where the page was opened from. */
export function useCaseForm(data: CasePageData, forms: CaseForms, from: string | undefined) {
  const { t } = usePage();
  const { c } = data;
  const base = `/staff/requests/${c.id}`;
  const mine = (action: CaseActionName) => forms.action === action;
  return {
    base,
    /** A form's address: the action's route, carrying `from` so the page comes back to its list. */
    action: (name: CaseActionName) => `${base}/${name}${from ? `?from=${encodeURIComponent(from)}` : ""}`,
    mine,
    value: (action: CaseActionName, field: string) => (mine(action) ? forms.values?.[field] : undefined),
    error: (action: CaseActionName, field: string) => {
      const e = mine(action) ? forms.errors?.[field] : undefined;
      return e ? t(e.key, e.values) : undefined;
    },
  };
}
