import { and, count, eq, max } from "drizzle-orm";
import type { ChangeContext } from "../../../core/audit/record.js";
import { type FieldErrors, fieldError, hasErrors, type Result, text } from "../../../core/forms.js";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import type { Db } from "../../../db/client.js";
import { LIMITS } from "../fields.js";
import type { Consultation, Question } from "../queries.js";
import {
  consultationQuestions,
  consultationResponses,
  type QuestionOption,
  questionKind,
} from "../tables.js";
import { auditConsultation } from "./audit-consultation.js";
import { parseLocalized } from "./save-consultation.js";
import { textEditable } from "./sections.js";

export type QuestionKind = (typeof questionKind.enumValues)[number];
export const QUESTION_KINDS = questionKind.enumValues;
export type QuestionField =
  | "kind"
  | "promptAr"
  | "promptFr"
  | "promptEn"
  | "optionsAr"
  | "optionsFr"
  | "optionsEn"
  | "scaleMin"
  | "scaleMax"
  | "required";
export type QuestionInput = Partial<Record<QuestionField, string>>;

const lines = (value: string | undefined) =>
  (value ?? "")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);

/**
 * A choice question's options, one per line in each language given: line n in every language is
 * option n, so the languages must list as many options.
 */
function parseOptions(input: QuestionInput, errors: FieldErrors): QuestionOption[] {
  const byLang = { ar: lines(input.optionsAr), fr: lines(input.optionsFr), en: lines(input.optionsEn) };
  const given = Object.entries(byLang).filter(([, l]) => l.length > 0);
  const n = Math.max(0, ...given.map(([, l]) => l.length));
  if (n < 2) {
    errors.optionsAr = fieldError("consultations.errors.optionsTooFew");
    return [];
  }
  if (n > LIMITS.options)
    errors.optionsAr = fieldError("consultations.errors.optionsTooMany", { max: LIMITS.options });
  if (given.some(([, l]) => l.length !== n))
    errors.optionsAr = fieldError("consultations.errors.optionsMismatch");
  if (given.some(([, l]) => l.some((o) => [...o].length > LIMITS.option)))
    errors.optionsAr = fieldError("consultations.errors.textTooLong", {
      max: LIMITS.option,
      field: "option",
    });
  return Array.from({ length: n }, (_, i) => {
    const label: LocalizedText = {};
    for (const [lang, l] of given) label[lang as keyof LocalizedText] = l[i];
    return { id: `o${i + 1}`, label };
  });
}

async function editable(db: Db, c: Consultation): Promise<boolean> {
  if (!textEditable(c)) return false;
  const [row] = await db
    .select({ n: count() })
    .from(consultationResponses)
    .where(eq(consultationResponses.consultationId, c.id));
  return (row?.n ?? 0) === 0;
}

/** Adds a question at the end of the questionnaire (before the consultation opens). */
export async function addQuestion(
  db: Db,
  c: Consultation,
  input: QuestionInput,
  context: ChangeContext,
): Promise<Result<{ id: string }, QuestionField>> {
  if (!(await editable(db, c)))
    return { ok: false, errors: { kind: fieldError("consultations.errors.questionnaireLocked") } };
  const errors: FieldErrors = {};
  const kind = text(input.kind);
  if (!(QUESTION_KINDS as readonly string[]).includes(kind))
    errors.kind = fieldError("consultations.errors.choose");
  const prompt = parseLocalized(input, "prompt", { max: LIMITS.prompt, required: true }, errors);
  const options = kind === "single" || kind === "multiple" ? parseOptions(input, errors) : [];
  let scaleMin: number | null = null;
  let scaleMax: number | null = null;
  if (kind === "scale") {
    scaleMin = Number.parseInt(text(input.scaleMin) || "1", 10);
    scaleMax = Number.parseInt(text(input.scaleMax) || "5", 10);
    if (
      !Number.isInteger(scaleMin) ||
      !Number.isInteger(scaleMax) ||
      scaleMin < 0 ||
      scaleMax > 10 ||
      scaleMax - scaleMin < 1
    )
      errors.scaleMin = fieldError("consultations.errors.scaleInvalid");
  }
  const [{ n } = { n: 0 }] = await db
    .select({ n: count() })
    .from(consultationQuestions)
    .where(eq(consultationQuestions.consultationId, c.id));
  if (n >= LIMITS.questions)
    errors.kind = fieldError("consultations.errors.questionsTooMany", { max: LIMITS.questions });
  if (hasErrors(errors)) return { ok: false, errors };
  const [last] = await db
    .select({ p: max(consultationQuestions.position) })
    .from(consultationQuestions)
    .where(eq(consultationQuestions.consultationId, c.id));
  const [row] = await db
    .insert(consultationQuestions)
    .values({
      consultationId: c.id,
      position: (last?.p ?? 0) + 1,
      kind: kind as QuestionKind,
      prompt,
      options,
      scaleMin,
      scaleMax,
      required: input.required === "yes",
    })
    .returning({ id: consultationQuestions.id });
  await auditConsultation(db, c, "consultation.question.add", context);
  return { ok: true, value: row! };
}

export async function deleteQuestion(
  db: Db,
  c: Consultation,
  question: Question,
  context: ChangeContext,
): Promise<Result<null, QuestionField>> {
  if (!(await editable(db, c)))
    return { ok: false, errors: { kind: fieldError("consultations.errors.questionnaireLocked") } };
  await db
    .delete(consultationQuestions)
    .where(and(eq(consultationQuestions.id, question.id), eq(consultationQuestions.consultationId, c.id)));
  await auditConsultation(db, c, "consultation.question.delete", context, { questionId: question.id });
  return { ok: true, value: null };
}
