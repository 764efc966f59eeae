import { createHmac, randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Account } from "../../../core/auth/plugin.js";
import { sha256 } from "../../../core/auth/secrets.js";
import { accounts } from "../../../core/auth/tables.js";
import type { FileStore } from "../../../core/files/store.js";
import { fieldError, type Result } from "../../../core/forms.js";
import { type Translate, translator } from "../../../core/i18n/catalog.js";
import type { Locale } from "../../../core/i18n/localized.js";
import { mailsQueuedWith } from "../../../core/mail/outbox.js";
import { enqueueSms } from "../../../core/sms/outbox.js";
import type { Db } from "../../../db/client.js";
import { storeAttachments, type Upload } from "../attachments.js";
import { computeDueAt } from "../deadline.js";
import { followPinFor, followPinHash, formatPin } from "../follow-code.js";
import { type CaseChannel, caseAttachments, caseEvents, cases } from "../tables.js";
import { assigneeMails, requestSmsPhone } from "../workspace/notify.js";
import { assignmentBy, findRoute, notifyTeamQueued, routeEvents, turnTaken } from "../workspace/routing.js";

import { checkIntake, type IntakeField, type IntakeInput } from "./check-intake.js";

export interface SubmittedCase {
  id: string;
  reference: string;
  /** The secret of the follow-up link; never stored in clear. */
  followToken: string;
}

export interface IntakeContext {
  db: Db;
  files: FileStore;
  account: Account | null;
  t: Translate;
  locale: Locale;
  publicUrl: string;
  /** Server secret from which follow-up tokens are derived. */
  secret: string;
  /**
   * A secret the sending client holds (a browser's intake cookie, an API client's id), null when it
   * holds none: the follow-up link is derived from it, so a form sent twice gets its link back only
   * from the client that sent it first.
   */
  client: string | null;
  /** How the request arrived: "web" unless said otherwise. */
  channel?: CaseChannel;
  /**
   * The agent who files it on a person's behalf (counter, phone, post): the timeline names them,
   * and the person is reached by what the agent noted (a name, and any of e-mail, phone, address).
   */
  filedBy?: string;
}

/**
 * The follow-up secret: derived with the server secret from the form's one-time key and the client's
 * own secret, so the same client sending the form twice gets the same link back, and anyone else
 * holding the key (but not the client's secret) cannot. Random when the client holds no secret.
 */
export function followTokenFor(secret: string, submissionKey: string, client: string | null): string {
  if (client === null) return randomBytes(32).toString("base64url");
  return createHmac("sha256", secret).update(`case-follow:${submissionKey}:${client}`).digest("base64url");
}

/**
 * Files a request: validates every field and checks uploads by content (checkIntake), stores the
 * uploads (images re-encoded without metadata), gives it a reference and a follow-up secret, starts
 * its legal clock, and queues the
 * acknowledgement, after the routing rules chose its structure (findRoute) and agent (assignmentBy)
 * — its rows in one transaction, so a failure stores nothing. The same submission key
 * twice from the same client (a double click) returns the case the first one created; from another
 * client, an error that names no request.
 */
export async function submitCase(
  ctx: IntakeContext,
  input: IntakeInput,
  uploads: Upload[],
): Promise<Result<SubmittedCase, IntakeField>> {
  const { db } = ctx;
  const checked = await checkIntake(ctx, input, uploads);
  if (!checked.ok) return checked;
  const intake = checked.value;

  const followToken = followTokenFor(ctx.secret, intake.submissionKey, ctx.client);
  const pin = followPinFor(ctx.secret, followToken);
  const submissionKeyHash = sha256(intake.submissionKey);
  // Files are written first; rows follow in one transaction.
  const stored = await storeAttachments(ctx.files, intake.files);

  const now = new Date();
  // Read before the transaction, which then holds its connection for the writes alone.
  const [contact, smsPhone, rule] = await Promise.all([
    intake.mode === "account"
      ? db
          .select()
          .from(accounts)
          .where(eq(accounts.id, ctx.account!.id))
          .then((r) => r[0])
      : null,
    intake.mode === "account" ? requestSmsPhone(db, ctx.account!.id) : null,
    findRoute(db, {
      categoryId: intake.categoryId || null,
      governorateCode: intake.governorateCode,
      municipalityId: intake.municipalityId,
    }),
  ]);
  // A rule may send it elsewhere: its legal clock is the one of the structure that will answer.
  const structureId = rule?.targetStructureId ?? intake.structure.id;
  const dueAt = await computeDueAt(db, intake.type, structureId, now, intake.accessTrack);
  const to =
    intake.mode === "anonymous"
      ? null
      : intake.mode === "account"
        ? (contact?.email ?? null)
        : intake.contactEmail;
  const channel = ctx.channel ?? "web";
  const created = await db.transaction(async (tx) => {
    // The rule's choice of agent runs inside the insert: routing adds no round trip.
    const assignment = rule ? assignmentBy(tx, rule) : null;
    const [row] = await (assignment ? tx.with(assignment.with) : tx)
      .insert(cases)
      .values({
        reference: sql`${`EC-${now.getUTCFullYear()}-`} || lpad(nextval('case_reference_seq')::text, 6, '0')`,
        submissionKeyHash,
        type: intake.type,
        structureId,
        categoryId: intake.categoryId || null,
        // A rule that sends it to another structure has triaged it.
        needsTriage: intake.needsTriage && structureId === intake.structure.id,
        channel,
        subject: intake.subject,
        description: intake.description,
        governorateCode: intake.governorateCode,
        municipalityId: intake.municipalityId,
        teamId: rule?.targetTeamId ?? null,
        address: intake.address,
        latitude: typeof intake.latitude === "number" ? intake.latitude : null,
        longitude: typeof intake.longitude === "number" ? intake.longitude : null,
        submitterId: ctx.account?.id ?? null,
        contactName:
          intake.mode === "anonymous" ? null : (intake.contactName ?? contact?.displayName ?? null),
        contactEmail: to,
        // The other way to reach them too, when given and valid (Open311 clients send both).
        contactPhone: intake.mode === "anonymous" ? null : intake.contactPhone,
        contactAddress: intake.contactAddress,
        anonymous: intake.mode === "anonymous",
        locale: ctx.locale,
        followTokenHash: sha256(followToken),
        followPinHash: followPinHash(ctx.secret, sha256(followToken), pin),
        clockStartedAt: now,
        dueAt,
        accessTrack: intake.accessTrack,
        ...assignment?.values,
      })
      .onConflictDoNothing({ target: cases.submissionKeyHash })
      .returning({
        id: cases.id,
        reference: cases.reference,
        contactPhone: cases.contactPhone,
        assignee: assignment?.assignee ?? sql<null>`null`,
      });
    // The same form sent again (a double click, a retry): nothing new; answer with the first case.
    if (!row) return null;
    const { assignee } = row;
    // The agent's mail, the citizen's acknowledgement and a round-robin rule's turn are written by
    // the statement that writes the timeline.
    const mails = rule && assignee ? assigneeMails(ctx, assignee, row, rule.targetName) : [];
    if (to) {
      mails.push({
        to,
        subject: ctx.t("cases.mail.received.subject", { reference: row.reference }),
        text: ctx.t("cases.mail.received.body", {
          reference: row.reference,
          url: `${ctx.publicUrl}/${ctx.locale}/requests/follow/${followToken}`,
          pin: formatPin(pin),
          followUrl: `${ctx.publicUrl}/${ctx.locale}/requests/follow`,
        }),
      });
    }
    const writes = [mailsQueuedWith(tx, mails), rule && assignee ? turnTaken(tx, rule, assignee) : null];
    const events = await tx
      .with(...writes.filter((w) => w !== null))
      .insert(caseEvents)
      .values([
        {
          caseId: row.id,
          kind: "submitted",
          actorId: ctx.filedBy ?? ctx.account?.id ?? null,
          at: now,
          details: { channel },
        },
        ...(rule ? routeEvents(row.id, rule, intake.structure.id, assignee, now) : []),
      ])
      .returning({ id: caseEvents.id, kind: caseEvents.kind });
    const event = events.find((e) => e.kind === "submitted");
    if (stored.length > 0) {
      await tx.insert(caseAttachments).values(
        stored.map((f) => ({
          caseId: row.id,
          eventId: event!.id,
          fileKey: f.key,
          mime: f.mime,
          size: f.size,
        })),
      );
    }
    if (rule && !assignee) await notifyTeamQueued(tx, ctx, row, rule);
    if (!to && row.contactPhone) {
      // The person chose the phone: the reference, the follow link and code come by SMS.
      await enqueueSms(tx, {
        to: row.contactPhone,
        text: ctx.t("cases.sms.received", {
          reference: row.reference,
          url: `${ctx.publicUrl}/${ctx.locale}/requests/follow/${followToken}`,
          pin: formatPin(pin),
        }),
      });
    }
    if (smsPhone) {
      // An account holder who chose SMS for their requests' news: the reference and its page, in
      // their language, as every later notice of this request comes.
      await enqueueSms(tx, {
        to: smsPhone.number,
        text: translator(smsPhone.locale)("cases.sms.receivedAccount", {
          reference: row.reference,
          url: `${ctx.publicUrl}/${smsPhone.locale}/requests/${row.id}`,
        }),
      });
    }
    return row;
  });
  if (created) return { ok: true, value: { id: created.id, reference: created.reference, followToken } };
  const [filed] = await db
    .select({ id: cases.id, reference: cases.reference, followTokenHash: cases.followTokenHash })
    .from(cases)
    .where(eq(cases.submissionKeyHash, submissionKeyHash));
  if (!filed) throw new Error("a submission key conflicted but no case carries it");
  // Sent again by another client (or one that holds no secret): it learns nothing of the request.
  if (filed.followTokenHash !== sha256(followToken))
    return { ok: false, errors: { type: fieldError("cases.errors.alreadySent") } };
  return { ok: true, value: { id: filed.id, reference: filed.reference, followToken } };
}
