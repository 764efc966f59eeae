import { eq } from "drizzle-orm";
import type { Actor } from "../../../core/authz/actor.js";
import { type FieldErrors, fieldError, hasErrors } from "../../../core/forms.js";
import type { Db } from "../../../db/client.js";
import { isUniqueViolation } from "../../../db/errors.js";
import { LIMITS } from "../fields.js";
import type { Question } from "../queries.js";
import { consultationAnswers, consultationQuestions, consultationResponses } from "../tables.js";
import { type Refused, whileOpen } from "./participate.js";

/** A questionnaire form: q-<question id> → a string, or several for a multiple choice. */
export type ResponseInput = Record<string, string | string[] | undefined>;

export const answerField = (q: { id: string }) => `q-${q.id}`;

interface Answer {
  questionId: string;
  choices: string[] | null;
  scale: number | null;
  text: string | null;
}

/** Checks each answer against its question; a required question must be answered. */
export function parseAnswers(questions: Question[], input: ResponseInput, errors: FieldErrors): Answer[] {
  const answers: Answer[] = [];
  for (const q of questions) {
    const raw = input[answerField(q)];
    const values = [raw ?? []]
      .flat()
      .map((v) => v.trim())
      .filter((v) => v.length > 0);
    const field = answerField(q);
    if (values.length === 0) {
      if (q.required) errors[field] = fieldError("consultations.errors.answerRequired");
      continue;
    }
    const options = new Set(q.options.map((o) => o.id));
    if (q.kind === "single") {
      if (values.length !== 1 || !options.has(values[0]!))
        errors[field] = fieldError("consultations.errors.choose");
      else answers.push({ questionId: q.id, choices: values, scale: null, text: null });
    } else if (q.kind === "multiple") {
      const chosen = [...new Set(values)];
      if (chosen.some((v) => !options.has(v))) errors[field] = fieldError("consultations.errors.choose");
      else answers.push({ questionId: q.id, choices: chosen, scale: null, text: null });
    } else if (q.kind === "scale") {
      const n = Number(values[0]);
      if (values.length !== 1 || !Number.isInteger(n) || n < (q.scaleMin ?? 1) || n > (q.scaleMax ?? 5))
        errors[field] = fieldError("consultations.errors.choose");
      else answers.push({ questionId: q.id, choices: null, scale: n, text: null });
    } else {
      const max = q.kind === "short_text" ? LIMITS.shortText : LIMITS.longText;
      const value = values[0]!;
      if (values.length !== 1 || [...value].length > max)
        errors[field] = fieldError("consultations.errors.textTooLong", { max, field: "answer" });
      else answers.push({ questionId: q.id, choices: null, scale: null, text: value });
    }
  }
  return answers;
}

export type ResponseResult =
  | { ok: true }
  | Refused
  | { ok: false; alreadyAnswered: true }
  | { ok: false; errors: FieldErrors };

/**
 * Stores a participant's answers to the questionnaire: once per participant (a unique index holds
 * it even for two submissions at once), only in the open phase, nothing stored otherwise.
 */
export async function submitResponse(
  db: Db,
  actor: Actor,
  consultationId: string,
  input: ResponseInput,
): Promise<ResponseResult> {
  try {
    const result = await whileOpen(db, actor, consultationId, async (tx, c) => {
      const questions = await tx
        .select()
        .from(consultationQuestions)
        .where(eq(consultationQuestions.consultationId, c.id));
      const errors: FieldErrors = {};
      const answers = parseAnswers(questions, input, errors);
      if (questions.length === 0) errors.questionnaire = fieldError("consultations.errors.noQuestionnaire");
      if (hasErrors(errors)) return { errors };
      const [response] = await tx
        .insert(consultationResponses)
        .values({ consultationId: c.id, accountId: actor.accountId })
        .returning({ id: consultationResponses.id });
      if (answers.length > 0)
        await tx.insert(consultationAnswers).values(answers.map((a) => ({ ...a, responseId: response!.id })));
      return { stored: true as const };
    });
    if (!result.ok) return result;
    if ("errors" in result.value && result.value.errors) return { ok: false, errors: result.value.errors };
    return { ok: true };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, alreadyAnswered: true };
    throw error;
  }
}
