import { createHmac, randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Account } from "../../../core/auth/plugin.js";
import { sha256 } from "../../../core/auth/secrets.js";
import { accounts } from "../../../core/auth/tables.js";
import type { FileStore } from "../../../core/files/store.js";
import {
  type FieldErrors,
  fieldError,
  hasErrors,
  isEmail,
  type Result,
  text,
  toE164,
} from "../../../core/forms.js";
import type { Translate } from "../../../core/i18n/catalog.js";
import type { Locale } from "../../../core/i18n/localized.js";
import { enqueueMail } from "../../../core/mail/outbox.js";
import type { Db } from "../../../db/client.js";
import { CENTRAL_OFFICE_CODE, GOVERNORATES } from "../../structures/reference-data.js";
import { structureCategories, structures } from "../../structures/tables.js";
import { ACCESS_TRACK_NAMES } from "../access-law.js";
import { checkAttachments, storeAttachments, type Upload } from "../attachments.js";
import { computeDueAt } from "../deadline.js";
import { ANONYMOUS_TYPES, CASE_TYPES, type CaseType, LIMITS } from "../rules.js";
import { decideRoute, recordRoute } from "../staff/routing.js";
import { type CaseChannel, caseAttachments, caseEvents, cases } from "../tables.js";

export type { Upload };

export type IntakeField =
  | "type"
  | "structure"
  | "category"
  | "subject"
  | "description"
  | "governorate"
  | "address"
  | "latitude"
  | "attachments"
  | "contactMode"
  | "contactName"
  | "contactEmail"
  | "contactPhone"
  | "accessTrack"
  | "contactAddress";

export interface IntakeInput {
  type?: string;
  structure?: string;
  category?: string;
  subject?: string;
  description?: string;
  governorate?: string;
  address?: string;
  latitude?: string;
  longitude?: string;
  contactMode?: string;
  contactName?: string;
  contactEmail?: string;
  contactPhone?: string;
  /** Access-to-information requests: the law's track (access-law.ts); the general one when empty. */
  accessTrack?: string;
  /** A postal address to answer to (requests filed on someone's behalf). */
  contactAddress?: string;
  submissionKey?: string;
}

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

function coordinate(value: string | undefined, min: number, max: number): number | null | "invalid" {
  const raw = text(value);
  if (!raw) return null;
  const n = Number(raw.replace(",", "."));
  return Number.isFinite(n) && n >= min && n <= max ? n : "invalid";
}

/**
 * Files a request: validates every field, checks uploads by content (images re-encoded without
 * metadata), gives it a reference and a follow-up secret, starts its legal clock, and queues the
 * acknowledgement, after the routing rules chose its structure and agent (decideRoute) — all
 * in one transaction, so a failure stores nothing. The same submission key
 * twice from the same client (a double click) returns the case the first one created; from another
 * client, an error that names no request.
 */
export async function submitCase(
  ctx: IntakeContext,
  input: IntakeInput,
  uploads: Upload[],
): Promise<Result<SubmittedCase, IntakeField>> {
  const { db } = ctx;
  const errors: FieldErrors<IntakeField> = {};
  const type = (CASE_TYPES as readonly string[]).includes(input.type ?? "") ? (input.type as CaseType) : null;
  if (!type) errors.type = fieldError("cases.errors.typeRequired");

  // The structure: one of the directory's active structures, or "unknown" → the central office triages.
  const structureCode = text(input.structure);
  const needsTriage = structureCode === "unknown";
  const [structure] = structureCode
    ? await db
        .select({ id: structures.id, kind: structures.kind })
        .from(structures)
        .where(
          and(
            eq(structures.code, needsTriage ? CENTRAL_OFFICE_CODE : structureCode),
            isNull(structures.retiredAt),
          ),
        )
    : [];
  if (!structure) errors.structure = fieldError("cases.errors.structureRequired");

  const categoryId = text(input.category);
  if (categoryId && structure) {
    const [category] = /^[0-9a-f-]{36}$/i.test(categoryId)
      ? await db
          .select({ id: structureCategories.id })
          .from(structureCategories)
          .where(
            and(
              eq(structureCategories.id, categoryId),
              eq(structureCategories.structureId, structure.id),
              isNull(structureCategories.retiredAt),
            ),
          )
      : [];
    if (!category) errors.category = fieldError("cases.errors.categoryInvalid");
  }

  const subject = text(input.subject);
  if (subject.length < LIMITS.subject.min)
    errors.subject = fieldError("cases.errors.subjectShort", { min: LIMITS.subject.min });
  else if (subject.length > LIMITS.subject.max)
    errors.subject = fieldError("cases.errors.subjectLong", { max: LIMITS.subject.max });
  const description = text(input.description);
  if (description.length < LIMITS.description.min)
    errors.description = fieldError("cases.errors.descriptionShort", { min: LIMITS.description.min });
  else if (description.length > LIMITS.description.max)
    errors.description = fieldError("cases.errors.descriptionLong", { max: LIMITS.description.max });

  const trackInput = text(input.accessTrack) || "standard";
  const accessTrack =
    type === "information" ? (ACCESS_TRACK_NAMES.find((n) => n === trackInput) ?? null) : null;
  if (type === "information" && !accessTrack) errors.accessTrack = fieldError("cases.errors.choiceInvalid");

  const governorateCode = text(input.governorate) || null;
  if (governorateCode && !GOVERNORATES.some((g) => g.code === governorateCode))
    errors.governorate = fieldError("cases.errors.choiceInvalid");
  const address = text(input.address) || null;
  if (address && address.length > LIMITS.address)
    errors.address = fieldError("cases.errors.addressLong", { max: LIMITS.address });
  const latitude = coordinate(input.latitude, -90, 90);
  const longitude = coordinate(input.longitude, -180, 180);
  if (latitude === "invalid" || longitude === "invalid" || (latitude === null) !== (longitude === null)) {
    errors.latitude = fieldError("cases.errors.coordinatesInvalid");
  }

  // How to reach the person: their account, an email or phone, or nobody (anonymous, where allowed);
  // filed on their behalf, their name and whatever of e-mail, phone and postal address they gave.
  const mode = ctx.filedBy ? "onBehalf" : ctx.account ? "account" : text(input.contactMode);
  const contactName = text(input.contactName) || null;
  const typedEmail = text(input.contactEmail);
  const contactEmail = typedEmail && isEmail(typedEmail) ? typedEmail : null;
  const contactPhoneRaw = text(input.contactPhone);
  const contactPhone = contactPhoneRaw ? toE164(contactPhoneRaw) : null;
  if (contactName && contactName.length > 120)
    errors.contactName = fieldError("cases.errors.nameLong", { max: 120 });
  if (mode === "email" && !contactEmail) errors.contactEmail = fieldError("cases.errors.emailInvalid");
  if (mode === "phone" && !contactPhone) errors.contactPhone = fieldError("cases.errors.phoneInvalid");
  if (mode === "anonymous" && type && !ANONYMOUS_TYPES.has(type))
    errors.contactMode = fieldError("cases.errors.anonymousNotAllowed");
  const contactAddress = mode === "onBehalf" ? text(input.contactAddress) || null : null;
  if (mode === "onBehalf") {
    if (!contactName) errors.contactName = fieldError("cases.errors.nameRequired");
    if (typedEmail && !contactEmail) errors.contactEmail = fieldError("cases.errors.emailInvalid");
    if (contactPhoneRaw && !contactPhone) errors.contactPhone = fieldError("cases.errors.phoneInvalid");
    if (contactAddress && contactAddress.length > LIMITS.address)
      errors.contactAddress = fieldError("cases.errors.addressLong", { max: LIMITS.address });
  }
  if (!["account", "email", "phone", "anonymous", "onBehalf"].includes(mode))
    errors.contactMode = fieldError("cases.errors.contactRequired");

  // Attachments, judged by content.
  const checked = await checkAttachments(uploads);
  if (!checked.ok) errors.attachments = checked.error;

  const submissionKey = text(input.submissionKey);
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(submissionKey)) errors.type ??= fieldError("cases.errors.formExpired");
  if (hasErrors(errors) || !type || !structure) return { ok: false, errors };

  const followToken = followTokenFor(ctx.secret, submissionKey, ctx.client);
  const submissionKeyHash = sha256(submissionKey);
  // Files are written first; rows follow in one transaction.
  const stored = checked.ok ? await storeAttachments(ctx.files, checked.files) : [];

  const now = new Date();
  // Read before the transaction, which then holds its connection for the writes alone.
  const [contact, dueAt] = await Promise.all([
    mode === "account"
      ? db
          .select()
          .from(accounts)
          .where(eq(accounts.id, ctx.account!.id))
          .then((r) => r[0])
      : null,
    computeDueAt(db, type, structure.id, now, accessTrack),
  ]);
  const to = mode === "anonymous" ? null : mode === "account" ? (contact?.email ?? null) : contactEmail;
  const channel = ctx.channel ?? "web";
  const created = await db.transaction(async (tx) => {
    const route = await decideRoute(
      tx,
      { type, structureId: structure.id, categoryId: categoryId || null, governorateCode, accessTrack },
      now,
    );
    const [row] = await tx
      .insert(cases)
      .values({
        reference: sql`${`EC-${now.getUTCFullYear()}-`} || lpad(nextval('case_reference_seq')::text, 6, '0')`,
        submissionKeyHash,
        type,
        structureId: route?.structureId ?? structure.id,
        categoryId: categoryId || null,
        // A rule that sends it to another structure has triaged it.
        needsTriage: needsTriage && (route?.structureId ?? structure.id) === structure.id,
        channel,
        subject,
        description,
        governorateCode,
        address,
        latitude: typeof latitude === "number" ? latitude : null,
        longitude: typeof longitude === "number" ? longitude : null,
        submitterId: ctx.account?.id ?? null,
        contactName: mode === "anonymous" ? null : (contactName ?? contact?.displayName ?? null),
        contactEmail: to,
        // The other way to reach them too, when given and valid (Open311 clients send both).
        contactPhone: mode === "anonymous" ? null : contactPhone,
        contactAddress,
        anonymous: mode === "anonymous",
        followTokenHash: sha256(followToken),
        clockStartedAt: now,
        dueAt: route?.dueAt ?? dueAt,
        accessTrack,
        ...(route?.assignee ? { assigneeId: route.assignee.id, status: "in_progress" as const } : {}),
      })
      .onConflictDoNothing({ target: cases.submissionKeyHash })
      .returning();
    // The same form sent again (a double click, a retry): nothing new; answer with the first case.
    if (!row) return null;
    const [event] = await tx
      .insert(caseEvents)
      .values({
        caseId: row.id,
        kind: "submitted",
        actorId: ctx.filedBy ?? ctx.account?.id ?? null,
        at: now,
        details: { channel },
      })
      .returning({ id: caseEvents.id });
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
    if (route) await recordRoute(tx, { publicUrl: ctx.publicUrl, secret: ctx.secret }, row, route, now);
    if (to) {
      await enqueueMail(tx, {
        to,
        subject: ctx.t("cases.mail.received.subject", { reference: row.reference }),
        text: ctx.t("cases.mail.received.body", {
          reference: row.reference,
          url: `${ctx.publicUrl}/${ctx.locale}/requests/follow/${followToken}`,
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
