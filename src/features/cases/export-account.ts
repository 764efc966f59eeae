import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import type { AccountExportPart } from "../../core/personal-data/contracts.js";
import { structures } from "../../core/structures/tables.js";
import type { Db } from "../../db/client.js";
import { caseAttachments, caseEvents, caseFollowers, cases } from "./tables.js";

/**
 * A person's requests for their data export: what they filed (with the contact details they gave),
 * the history they see on the follow page (never internal notes or routing details, never who among
 * the staff wrote what), the files they see there, and the requests they follow.
 */
export async function exportCaseAccount(db: Db, accountId: string): Promise<AccountExportPart[]> {
  const requests = await db
    .select({
      id: cases.id,
      reference: cases.reference,
      type: cases.type,
      status: cases.status,
      outcome: cases.outcome,
      structure: structures.code,
      subject: cases.subject,
      description: cases.description,
      address: cases.address,
      governorate: cases.governorateCode,
      contactName: cases.contactName,
      contactEmail: cases.contactEmail,
      contactPhone: cases.contactPhone,
      contactAddress: cases.contactAddress,
      satisfaction: cases.satisfaction,
      satisfactionComment: cases.satisfactionComment,
      filedAt: cases.createdAt,
      dueAt: cases.dueAt,
      answeredAt: cases.answeredAt,
      closedAt: cases.closedAt,
    })
    .from(cases)
    .innerJoin(structures, eq(structures.id, cases.structureId))
    .where(eq(cases.submitterId, accountId))
    .orderBy(asc(cases.createdAt));
  const ids = requests.map((r) => r.id);
  const reference = new Map(requests.map((r) => [r.id, r.reference]));
  const messages =
    ids.length === 0
      ? []
      : await db
          .select({
            caseId: caseEvents.caseId,
            at: caseEvents.at,
            kind: caseEvents.kind,
            actorId: caseEvents.actorId,
            body: caseEvents.body,
          })
          .from(caseEvents)
          .where(and(inArray(caseEvents.caseId, ids), eq(caseEvents.internal, false)))
          .orderBy(asc(caseEvents.at));
  const attachments =
    ids.length === 0
      ? []
      : await db
          .select({
            id: caseAttachments.id,
            caseId: caseAttachments.caseId,
            fileKey: caseAttachments.fileKey,
            mime: caseAttachments.mime,
            size: caseAttachments.size,
            addedAt: caseAttachments.createdAt,
          })
          .from(caseAttachments)
          .leftJoin(caseEvents, eq(caseEvents.id, caseAttachments.eventId))
          .where(
            and(
              inArray(caseAttachments.caseId, ids),
              or(isNull(caseAttachments.eventId), eq(caseEvents.internal, false)),
            ),
          );
  const followed = await db
    .select({ reference: cases.reference, since: caseFollowers.createdAt })
    .from(caseFollowers)
    .innerJoin(cases, eq(cases.id, caseFollowers.caseId))
    .where(eq(caseFollowers.accountId, accountId));
  const extension = (mime: string) => mime.split("/")[1]?.replace(/[^a-z0-9]/gi, "") || "bin";
  const files = attachments.map((a) => ({
    path: `requests/${reference.get(a.caseId)}/${a.id}.${extension(a.mime)}`,
    fileKey: a.fileKey,
  }));
  return [
    { name: "requests", rows: requests.map(({ id: _id, ...row }) => row) },
    {
      name: "request-messages",
      rows: messages.map((m) => ({
        request: reference.get(m.caseId),
        at: m.at,
        kind: m.kind,
        from: m.actorId === accountId ? "you" : m.actorId ? "structure" : "system",
        body: m.body,
      })),
    },
    {
      name: "request-files",
      rows: attachments.map((a, i) => ({
        request: reference.get(a.caseId),
        file: files[i]!.path,
        type: a.mime,
        size: a.size,
        addedAt: a.addedAt,
      })),
      files,
    },
    { name: "followed-requests", rows: followed },
  ];
}
