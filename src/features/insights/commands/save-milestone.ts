import { eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { audit } from "../../../core/audit/record.js";
import { type FieldErrors, fieldError, hasErrors, type Result, text } from "../../../core/forms.js";
import { LOCALES, type LocalizedText } from "../../../core/i18n/localized.js";
import type { Db } from "../../../db/client.js";
import { actionPlanMilestones, milestoneStatus } from "../tables.js";

export type MilestoneField =
  | "title_ar"
  | "title_fr"
  | "title_en"
  | "notes_ar"
  | "notes_fr"
  | "notes_en"
  | "due_on"
  | "done_on"
  | "status"
  | "evidence_url";
export const MILESTONE_FIELDS: MilestoneField[] = [
  "title_ar",
  "title_fr",
  "title_en",
  "notes_ar",
  "notes_fr",
  "notes_en",
  "due_on",
  "done_on",
  "status",
  "evidence_url",
];
export type MilestoneInput = Partial<Record<MilestoneField, string>>;
type Status = (typeof milestoneStatus.enumValues)[number];

/** A calendar date written YYYY-MM-DD that exists. */
function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * Creates (id null) or updates one of the action plan's milestones: a title in each language, notes,
 * a due date, a status, the date it was done and a public link to its evidence. Platform admins
 * only (the route checks).
 */
export async function saveMilestone(
  db: Db,
  id: string | null,
  input: MilestoneInput,
  request: FastifyRequest,
): Promise<Result<{ id: string }, MilestoneField>> {
  const errors: FieldErrors<MilestoneField> = {};
  const title: LocalizedText = {};
  const notes: LocalizedText = {};
  for (const l of LOCALES) {
    const t = text(input[`title_${l}`]);
    const n = text(input[`notes_${l}`]);
    if (!t || t.length > 200)
      errors[`title_${l}`] = fieldError("insights.errors.milestoneTitle", { lang: l, max: 200 });
    if (n.length > 2000)
      errors[`notes_${l}`] = fieldError("insights.errors.milestoneNotesLong", { lang: l, max: 2000 });
    title[l] = t;
    notes[l] = n;
  }
  const dueOn = text(input.due_on);
  if (!isDate(dueOn)) errors.due_on = fieldError("insights.errors.date");
  const doneOn = text(input.done_on);
  if (doneOn && !isDate(doneOn)) errors.done_on = fieldError("insights.errors.date");
  const status = text(input.status) as Status;
  if (!milestoneStatus.enumValues.includes(status)) errors.status = fieldError("insights.errors.status");
  else if (status === "done" && !doneOn) errors.done_on = fieldError("insights.errors.doneOn");
  const evidenceUrl = text(input.evidence_url);
  if (evidenceUrl && (!/^https?:\/\/[^\s]+$/i.test(evidenceUrl) || evidenceUrl.length > 500))
    errors.evidence_url = fieldError("insights.errors.url");
  if (hasErrors(errors)) return { ok: false, errors };

  const values = {
    title,
    notes,
    dueOn,
    doneOn: doneOn || null,
    status,
    evidenceUrl: evidenceUrl || null,
  };
  return db.transaction(async (tx) => {
    const [row] = id
      ? await tx
          .update(actionPlanMilestones)
          .set(values)
          .where(eq(actionPlanMilestones.id, id))
          .returning({ id: actionPlanMilestones.id })
      : await tx.insert(actionPlanMilestones).values(values).returning({ id: actionPlanMilestones.id });
    await audit(
      tx,
      {
        action: id ? "insights.milestone_updated" : "insights.milestone_created",
        subjectType: "action_plan_milestone",
        subjectId: row!.id,
      },
      request,
    );
    return { ok: true, value: { id: row!.id } };
  });
}
