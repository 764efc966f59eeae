import { and, asc, eq, inArray } from "drizzle-orm";
import { accounts } from "../../../../core/auth/tables.js";
import type { LocalizedText } from "../../../../core/i18n/localized.js";
import { isUuid } from "../../../../core/ids.js";
import { structures } from "../../../../core/structures/tables.js";
import type { Db } from "../../../../db/client.js";
import { structureCategories } from "../../../structures/tables.js";
import type { CaseRow } from "../../queries.js";
import { caseAttachments, caseEvents, cases } from "../../tables.js";

/** The request row, defined with the feature's queries. */
export type { CaseRow };
export type CaseEventRow = typeof caseEvents.$inferSelect;

/** A request of a structure by its reference (EC-2026-000123), whatever the case of its letters. */
export async function findCaseByReference(
  db: Db,
  structureId: string,
  reference: string,
): Promise<CaseRow | null> {
  const normal = reference.trim().toUpperCase();
  if (!/^EC-\d{4}-\d{6,}$/.test(normal)) return null;
  const [row] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.reference, normal), eq(cases.structureId, structureId)));
  return row ?? null;
}

/** Every event of a request, oldest first, with who did it. */
export async function listEvents(db: Db, caseId: string) {
  return db
    .select({ event: caseEvents, actorName: accounts.displayName })
    .from(caseEvents)
    .leftJoin(accounts, eq(accounts.id, caseEvents.actorId))
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.at), asc(caseEvents.id));
}

export type TimelineEntry = Awaited<ReturnType<typeof listEvents>>[number];

export async function listAttachments(db: Db, caseId: string) {
  return db
    .select()
    .from(caseAttachments)
    .where(eq(caseAttachments.caseId, caseId))
    .orderBy(asc(caseAttachments.createdAt), asc(caseAttachments.id));
}

export async function findAttachment(db: Db, caseId: string, attachmentId: string) {
  if (!isUuid(attachmentId)) return null;
  const [row] = await db
    .select()
    .from(caseAttachments)
    .where(and(eq(caseAttachments.id, attachmentId), eq(caseAttachments.caseId, caseId)));
  return row ?? null;
}

/** One hop of a request from structure to structure, read from its "transferred" events. */
export interface TransferHop {
  at: Date;
  from: string;
  to: string;
  reason: string;
  actorName: string | null;
}

/** The transfer chain, oldest first, from the events' details {from, to, reason}. */
export function transferChain(entries: readonly TimelineEntry[]): TransferHop[] {
  return entries
    .filter((e) => e.event.kind === "transferred")
    .map((e) => {
      const d = e.event.details as { from?: unknown; to?: unknown; reason?: unknown };
      return {
        at: e.event.at,
        from: String(d.from ?? ""),
        to: String(d.to ?? ""),
        reason: String(d.reason ?? ""),
        actorName: e.actorName,
      };
    });
}

/** Names of some structures (for the transfer chain), by id. */
export async function structureNames(db: Db, ids: string[]): Promise<Map<string, LocalizedText>> {
  const wanted = [...new Set(ids.filter((id) => isUuid(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: structures.id, name: structures.name })
    .from(structures)
    .where(inArray(structures.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function findCategoryName(db: Db, categoryId: string | null): Promise<LocalizedText | null> {
  if (!categoryId) return null;
  const [row] = await db
    .select({ name: structureCategories.name })
    .from(structureCategories)
    .where(eq(structureCategories.id, categoryId));
  return row?.name ?? null;
}

/** The submitter's account, for the contact details of a request filed while signed in. */
export async function findSubmitter(db: Db, accountId: string | null) {
  if (!accountId) return null;
  const [row] = await db
    .select({ id: accounts.id, name: accounts.displayName, email: accounts.email, locale: accounts.locale })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  return row ?? null;
}
