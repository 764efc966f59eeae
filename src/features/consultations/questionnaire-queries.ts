import { and, count, desc, eq, isNotNull, sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../db/client.js";
import { listQuestions, type Question } from "./queries.js";
import { consultationAnswers, consultationQuestions, consultationResponses } from "./tables.js";

/** A consultation's questionnaire: who answered, and what the answers add up to. */

export async function hasResponded(db: Db, consultationId: string, accountId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: consultationResponses.id })
    .from(consultationResponses)
    .where(
      and(
        eq(consultationResponses.consultationId, consultationId),
        eq(consultationResponses.accountId, accountId),
      ),
    );
  return Boolean(row);
}

export interface QuestionResult {
  questionId: string;
  kind: Question["kind"];
  /** People who answered this question. */
  answered: number;
  /** Per option id (choices) or per scale value, as a string. */
  counts: Record<string, number>;
  /** A scale question's mean, rounded to 2 decimals; null without answers. */
  mean: number | null;
}

/** The questionnaire's aggregated answers: counts per option or scale value, and respondents. */
export async function questionnaireResults(
  db: Db,
  consultationId: string,
): Promise<{ respondents: number; questions: QuestionResult[] }> {
  const questions = await listQuestions(db, consultationId);
  const [respondents] = await db
    .select({ n: count() })
    .from(consultationResponses)
    .where(eq(consultationResponses.consultationId, consultationId));
  const choiceRows = rowsOf<{ question_id: string; value: string; n: number }>(
    await db.execute(sql`
      select a.question_id, v.value, count(*)::int as n
      from ${consultationAnswers} a
      join ${consultationQuestions} q on q.id = a.question_id
      cross join lateral unnest(a.choices) as v(value)
      where q.consultation_id = ${consultationId}
      group by a.question_id, v.value`),
  );
  const scaleRows = rowsOf<{ question_id: string; value: number; n: number }>(
    await db.execute(sql`
      select a.question_id, a.scale as value, count(*)::int as n
      from ${consultationAnswers} a
      join ${consultationQuestions} q on q.id = a.question_id
      where q.consultation_id = ${consultationId} and a.scale is not null
      group by a.question_id, a.scale`),
  );
  const answeredRows = rowsOf<{ question_id: string; n: number }>(
    await db.execute(sql`
      select a.question_id, count(*)::int as n
      from ${consultationAnswers} a
      join ${consultationQuestions} q on q.id = a.question_id
      where q.consultation_id = ${consultationId}
        and (cardinality(a.choices) > 0 or a.scale is not null or coalesce(a.text, '') <> '')
      group by a.question_id`),
  );
  return {
    respondents: respondents?.n ?? 0,
    questions: questions.map((q) => {
      const counts: Record<string, number> = {};
      if (q.kind === "single" || q.kind === "multiple") {
        for (const o of q.options) counts[o.id] = 0;
        for (const r of choiceRows) if (r.question_id === q.id) counts[r.value] = Number(r.n);
      }
      let mean: number | null = null;
      if (q.kind === "scale") {
        for (let v = q.scaleMin ?? 1; v <= (q.scaleMax ?? 5); v++) counts[String(v)] = 0;
        let sum = 0;
        let n = 0;
        for (const r of scaleRows)
          if (r.question_id === q.id) {
            counts[String(r.value)] = Number(r.n);
            sum += Number(r.value) * Number(r.n);
            n += Number(r.n);
          }
        mean = n > 0 ? Math.round((sum / n) * 100) / 100 : null;
      }
      const answered = Number(answeredRows.find((r) => r.question_id === q.id)?.n ?? 0);
      return { questionId: q.id, kind: q.kind, answered, counts, mean };
    }),
  };
}

/** The text answers to one question (admins only), newest first. */
export async function listTextAnswers(db: Db, questionId: string, limit = 200): Promise<string[]> {
  const rows = await db
    .select({ text: consultationAnswers.text })
    .from(consultationAnswers)
    .where(and(eq(consultationAnswers.questionId, questionId), isNotNull(consultationAnswers.text)))
    .orderBy(desc(consultationAnswers.createdAt))
    .limit(limit);
  return rows.map((r) => r.text!).filter((t) => t.length > 0);
}
