import { eq } from "drizzle-orm";
import type { AccountExportPart } from "../../core/personal-data/contracts.js";
import type { Db } from "../../db/client.js";
import {
  consultationAnswers,
  consultationCommentSupports,
  consultationComments,
  consultationQuestions,
  consultationResponses,
  consultations,
} from "./tables.js";

/** A person's comments, the comments they support, and their questionnaire answers, for their data export. */
export async function exportConsultationAccount(db: Db, accountId: string): Promise<AccountExportPart[]> {
  const comments = await db
    .select({
      consultation: consultations.title,
      body: consultationComments.body,
      at: consultationComments.createdAt,
    })
    .from(consultationComments)
    .innerJoin(consultations, eq(consultations.id, consultationComments.consultationId))
    .where(eq(consultationComments.authorId, accountId));
  const supports = await db
    // The consultation only: the comment supported is someone else's words, maybe hidden since.
    .select({ consultation: consultations.title, supportedAt: consultationCommentSupports.createdAt })
    .from(consultationCommentSupports)
    .innerJoin(consultationComments, eq(consultationComments.id, consultationCommentSupports.commentId))
    .innerJoin(consultations, eq(consultations.id, consultationComments.consultationId))
    .where(eq(consultationCommentSupports.accountId, accountId));
  const answers = await db
    .select({
      consultation: consultations.title,
      question: consultationQuestions.prompt,
      choices: consultationAnswers.choices,
      scale: consultationAnswers.scale,
      text: consultationAnswers.text,
      answeredAt: consultationAnswers.createdAt,
    })
    .from(consultationAnswers)
    .innerJoin(consultationResponses, eq(consultationResponses.id, consultationAnswers.responseId))
    .innerJoin(consultationQuestions, eq(consultationQuestions.id, consultationAnswers.questionId))
    .innerJoin(consultations, eq(consultations.id, consultationResponses.consultationId))
    .where(eq(consultationResponses.accountId, accountId));
  return [
    { name: "consultation-comments", rows: comments },
    { name: "consultation-comment-supports", rows: supports },
    { name: "questionnaire-answers", rows: answers },
  ];
}
