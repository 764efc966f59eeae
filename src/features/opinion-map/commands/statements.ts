import { and, eq, sql } from "drizzle-orm";
import type { Actor } from "../../../core/authz/actor.js";
import { type FieldErrors, fieldError, hasErrors, text } from "../../../core/forms.js";
import type { Locale, LocalizedText } from "../../../core/i18n/localized.js";
import { isUuid } from "../../../core/ids.js";
import type { Db } from "../../../db/client.js";
import { type Refused, whileOpen } from "../../consultations/commands/participate.js";
import { opinionMaps, opinionStatements, opinionVotes } from "../tables.js";

/** A statement is short, as on Pol.is. */
export const STATEMENT_MAX = 280;
const STATEMENT_MIN = 5;

export type StatementField = "body" | "bodyAr" | "bodyFr" | "bodyEn";

function checkText(value: string): { key: string; values?: Record<string, unknown> } | null {
  const length = [...value].length;
  if (length < STATEMENT_MIN)
    return fieldError("opinion-map.errors.statementTooShort", { min: STATEMENT_MIN });
  if (length > STATEMENT_MAX)
    return fieldError("opinion-map.errors.statementTooLong", { max: STATEMENT_MAX });
  return null;
}

/** Marks a consultation's map as waiting for the job (votes or statements changed), as of now. */
export async function markStale(db: Db, consultationId: string, now = new Date()): Promise<void> {
  await db
    .insert(opinionMaps)
    .values({ consultationId, staleSince: now })
    .onConflictDoUpdate({
      target: opinionMaps.consultationId,
      set: { staleSince: now },
    });
}

/**
 * A participant proposes a statement, in their language, while the consultation is open. It waits for
 * a moderator before anyone sees it.
 */
export async function submitStatement(
  db: Db,
  actor: Actor,
  consultationId: string,
  input: { body?: string },
  locale: Locale,
): Promise<
  { ok: true; value: { id: string } } | Refused | { ok: false; errors: FieldErrors<StatementField> }
> {
  const body = text(input.body);
  const problem = checkText(body);
  if (problem) return { ok: false, errors: { body: problem } };
  return whileOpen(db, actor, consultationId, async (tx) => {
    const [row] = await tx
      .insert(opinionStatements)
      .values({ consultationId, body: { [locale]: body }, authorId: actor.accountId, status: "pending" })
      .returning({ id: opinionStatements.id });
    return { id: row!.id };
  });
}

/** The admin seeds a statement, in one or more languages; it is shown at once. */
export async function seedStatement(
  db: Db,
  actorId: string | null,
  consultationId: string,
  input: { bodyAr?: string; bodyFr?: string; bodyEn?: string },
): Promise<{ ok: true; value: { id: string } } | { ok: false; errors: FieldErrors<StatementField> }> {
  const body: LocalizedText = {};
  const errors: FieldErrors<StatementField> = {};
  for (const [field, locale] of [
    ["bodyAr", "ar"],
    ["bodyFr", "fr"],
    ["bodyEn", "en"],
  ] as const) {
    const value = text(input[field]);
    if (!value) continue;
    const problem = checkText(value);
    if (problem) errors[field] = problem;
    else body[locale] = value;
  }
  if (!hasErrors(errors) && Object.keys(body).length === 0)
    errors.bodyAr = fieldError("opinion-map.errors.statementRequired");
  if (hasErrors(errors)) return { ok: false, errors };
  const [row] = await db
    .insert(opinionStatements)
    .values({ consultationId, body, authorId: actorId, seeded: true, status: "approved" })
    .returning({ id: opinionStatements.id });
  await markStale(db, consultationId);
  return { ok: true, value: { id: row!.id } };
}

/** A moderator's decision on a statement: approved (shown) or rejected (never shown). Null: no such statement. */
export async function moderateStatement(
  db: Db,
  consultationId: string,
  statementId: string,
  decision: "approved" | "rejected",
): Promise<{ id: string } | null> {
  if (!isUuid(statementId)) return null;
  const [row] = await db
    .update(opinionStatements)
    .set({ status: decision })
    .where(and(eq(opinionStatements.id, statementId), eq(opinionStatements.consultationId, consultationId)))
    .returning({ id: opinionStatements.id });
  if (row) await markStale(db, consultationId);
  return row ?? null;
}

export const VOTES = { agree: 1, disagree: -1, pass: 0 } as const;
export type VoteChoice = keyof typeof VOTES;

/**
 * Records a vote (agree, disagree or pass) on an approved statement while the consultation is open;
 * voting again on the same statement replaces the vote. The map is marked for the job to recompute:
 * nothing is computed here, on the request path. Null: no such statement shown in this consultation.
 */
export async function castVote(
  db: Db,
  actor: Actor,
  consultationId: string,
  statementId: string,
  choice: VoteChoice,
): Promise<{ ok: true; value: true } | Refused | null> {
  if (!isUuid(statementId)) return null;
  const [statement] = await db
    .select({ id: opinionStatements.id })
    .from(opinionStatements)
    .where(
      and(
        eq(opinionStatements.id, statementId),
        eq(opinionStatements.consultationId, consultationId),
        eq(opinionStatements.status, "approved"),
      ),
    );
  if (!statement) return null;
  return whileOpen(db, actor, consultationId, async (tx) => {
    const vote = VOTES[choice];
    await tx
      .insert(opinionVotes)
      .values({ statementId, accountId: actor.accountId!, consultationId, vote })
      .onConflictDoUpdate({
        target: [opinionVotes.statementId, opinionVotes.accountId],
        set: { vote, changes: sql`${opinionVotes.changes} + 1`, updatedAt: new Date() },
      });
    await markStale(tx, consultationId);
    return true as const;
  });
}
