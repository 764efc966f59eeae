import { fieldError, type Result, text } from "../../../../core/forms.js";
import { STAFF_MAIL_RHYTHMS, type StaffMailRhythm, staffPreferences } from "../tables.js";
import type { StaffContext } from "./context.js";

export type PreferencesField = "assignmentMail";

/** Sets how the actor hears of requests handed to them: "instant" (a mail each) or "daily" (one summary). */
export async function saveStaffPreferences(
  ctx: StaffContext,
  input: { assignmentMail?: string },
): Promise<Result<{ assignmentMail: StaffMailRhythm }, PreferencesField>> {
  const wanted = text(input.assignmentMail);
  if (!(STAFF_MAIL_RHYTHMS as readonly string[]).includes(wanted))
    return { ok: false, errors: { assignmentMail: fieldError("cases.workspace.errors.rhythmRequired") } };
  const assignmentMail = wanted as StaffMailRhythm;
  await ctx.db
    .insert(staffPreferences)
    .values({ accountId: ctx.actor.accountId!, assignmentMail })
    .onConflictDoUpdate({ target: staffPreferences.accountId, set: { assignmentMail } });
  return { ok: true, value: { assignmentMail } };
}
