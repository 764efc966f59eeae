import { eq } from "drizzle-orm";
import { audit, type ChangeContext } from "../../../core/audit/record.js";
import { type FieldErrors, fieldError, hasErrors, type Result, text } from "../../../core/forms.js";
import { localized } from "../../../core/i18n/localized.js";
import { governorates } from "../../../core/structures/tables.js";
import type { Db } from "../../../db/client.js";
import { publishNotice } from "../../subscriptions/notices.js";
import { themes } from "../../subscriptions/tables.js";
import type { EventRow } from "../queries.js";
import { eventKind, eventMode, events } from "../tables.js";
import { type EventMailSettings, fillFreePlaces } from "./registrations.js";

export type EventField =
  | "structureId"
  | "kind"
  | "mode"
  | "themeCode"
  | "titleAr"
  | "titleFr"
  | "titleEn"
  | "descriptionAr"
  | "descriptionFr"
  | "descriptionEn"
  | "governorateCode"
  | "venueAr"
  | "venueFr"
  | "venueEn"
  | "onlineUrl"
  | "startsAt"
  | "endsAt"
  | "capacity";
export type EventInput = Partial<Record<EventField, string>>;

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 4000;
export const CAPACITY_MAX = 100_000;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** A datetime-local value read as Tunis time (UTC+1 all year); null when malformed. */
export function parseTunisTime(value: string): Date | null {
  const m = DATETIME.exec(value);
  if (!m) return null;
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00+01:00`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The datetime-local value of a date in Tunis time, for a form. */
export function tunisTimeValue(date: Date): string {
  return new Date(date.getTime() + 3_600_000).toISOString().slice(0, 16);
}

type EventValues = Omit<typeof events.$inferInsert, "id" | "createdAt" | "updatedAt" | "createdBy">;

function tooLong(value: Record<string, string | undefined>, max: number): boolean {
  return Object.values(value).some((v) => [...(v ?? "")].length > max);
}

/** Checks an event form; `organisers` are the structures the actor may pick. */
export async function parseEvent(
  db: Db,
  input: EventInput,
  organisers: ReadonlySet<string> | "all",
): Promise<Result<EventValues, EventField>> {
  const errors: FieldErrors<EventField> = {};
  const structureId = text(input.structureId);
  if (!structureId || (organisers !== "all" && !organisers.has(structureId)))
    errors.structureId = fieldError("events.errors.structureRequired");
  const kind = text(input.kind);
  if (!(eventKind.enumValues as readonly string[]).includes(kind))
    errors.kind = fieldError("events.errors.kindRequired");
  const mode = text(input.mode);
  if (!(eventMode.enumValues as readonly string[]).includes(mode))
    errors.mode = fieldError("events.errors.modeRequired");
  const title = localized(input.titleAr, input.titleFr, input.titleEn);
  if (Object.keys(title).length === 0) errors.titleAr = fieldError("events.errors.titleRequired");
  else if (tooLong(title, TITLE_MAX))
    errors.titleAr = fieldError("events.errors.titleLong", { max: TITLE_MAX });
  const description = localized(input.descriptionAr, input.descriptionFr, input.descriptionEn);
  if (tooLong(description, DESCRIPTION_MAX))
    errors.descriptionAr = fieldError("events.errors.descriptionLong", { max: DESCRIPTION_MAX });
  const venue = localized(input.venueAr, input.venueFr, input.venueEn);
  if (tooLong(venue, TITLE_MAX)) errors.venueAr = fieldError("events.errors.venueLong", { max: TITLE_MAX });
  const governorateCode = text(input.governorateCode).toUpperCase() || null;
  if (governorateCode) {
    const [g] = await db.select().from(governorates).where(eq(governorates.code, governorateCode));
    if (!g) errors.governorateCode = fieldError("events.errors.governorateUnknown");
  }
  const themeCode = text(input.themeCode) || null;
  if (themeCode) {
    const [th] = await db.select().from(themes).where(eq(themes.code, themeCode));
    if (!th) errors.themeCode = fieldError("events.errors.themeUnknown");
  }
  const onlineUrl = text(input.onlineUrl) || null;
  if (mode === "in_person" && !governorateCode && !errors.governorateCode)
    errors.governorateCode = fieldError("events.errors.governorateRequired");
  if (mode === "online") {
    if (!onlineUrl) errors.onlineUrl = fieldError("events.errors.onlineUrlRequired");
    else if (!/^https:\/\/[^\s]{4,300}$/.test(onlineUrl) || !URL.canParse(onlineUrl))
      errors.onlineUrl = fieldError("events.errors.onlineUrlInvalid");
  }
  const startsAt = parseTunisTime(text(input.startsAt));
  if (!startsAt) errors.startsAt = fieldError("events.errors.dateInvalid");
  const endsAt = parseTunisTime(text(input.endsAt));
  if (!endsAt) errors.endsAt = fieldError("events.errors.dateInvalid");
  else if (startsAt && endsAt <= startsAt) errors.endsAt = fieldError("events.errors.endBeforeStart");
  const capacityText = text(input.capacity);
  const capacity = /^\d{1,6}$/.test(capacityText) ? Number(capacityText) : Number.NaN;
  if (!(capacity >= 1 && capacity <= CAPACITY_MAX))
    errors.capacity = fieldError("events.errors.capacityInvalid", { max: CAPACITY_MAX });
  if (hasErrors(errors)) return { ok: false, errors };
  return {
    ok: true,
    value: {
      structureId,
      kind: kind as EventValues["kind"],
      mode: mode as EventValues["mode"],
      themeCode,
      title,
      description,
      governorateCode,
      venue,
      onlineUrl: mode === "online" ? onlineUrl : null,
      startsAt: startsAt!,
      endsAt: endsAt!,
      capacity,
    },
  };
}

/** Tells those who follow the event's structure, governorate or theme (at once or in their digest). */
export async function announceEvent(
  db: Db,
  event: Pick<EventValues, "structureId" | "governorateCode" | "themeCode" | "title"> & { id: string },
): Promise<void> {
  const targets: Array<[string, string | null | undefined]> = [
    ["structure", event.structureId],
    ["governorate", event.governorateCode],
    ["theme", event.themeCode],
  ];
  for (const [kind, target] of targets) {
    if (target) await publishNotice(db, { kind, target, title: event.title, path: `/events/${event.id}` });
  }
}

/** Creates an event and announces it to those who follow its structure, governorate or theme. */
export async function createEvent(
  db: Db,
  input: EventInput,
  organisers: ReadonlySet<string> | "all",
  context: ChangeContext,
): Promise<Result<{ id: string }, EventField>> {
  const parsed = await parseEvent(db, input, organisers);
  if (!parsed.ok) return parsed;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(events)
      .values({ ...parsed.value, createdBy: context.actorId })
      .returning({ id: events.id });
    const event = { ...parsed.value, id: row!.id };
    await announceEvent(tx, event);
    await audit(
      tx,
      { action: "event.create", subjectType: "event", subjectId: event.id, structureId: event.structureId },
      context.request,
      context.actorId,
    );
    return { ok: true as const, value: { id: event.id } };
  });
}

/** Updates an event; a larger capacity gives the new places to the waiting list at once. */
export async function updateEvent(
  db: Db,
  event: EventRow,
  input: EventInput,
  organisers: ReadonlySet<string> | "all",
  context: ChangeContext & { mail: EventMailSettings },
): Promise<Result<{ promoted: number }, EventField>> {
  const parsed = await parseEvent(db, input, organisers);
  if (!parsed.ok) return parsed;
  return db.transaction(async (tx) => {
    const [updated] = await tx.update(events).set(parsed.value).where(eq(events.id, event.id)).returning();
    const locked = (await tx.select().from(events).where(eq(events.id, event.id)).for("update"))[0]!;
    const promoted = await fillFreePlaces(tx, locked, context.mail);
    await audit(
      tx,
      {
        action: "event.update",
        subjectType: "event",
        subjectId: event.id,
        structureId: updated!.structureId,
        details: { promoted },
      },
      context.request,
      context.actorId,
    );
    return { ok: true as const, value: { promoted } };
  });
}
