import Type, { type Static } from "typebox";
import { formSchema } from "../../core/forms.js";
import type { EventField } from "./commands/save-event.js";

/** Ids in URLs are checked by the handlers, so a malformed one answers 404, never 400. */
export const EventParams = Type.Object({ lang: Type.String(), id: Type.String({ maxLength: 100 }) });
export type EventParams = Static<typeof EventParams>;

export const AgendaQuery = Type.Object({
  governorate: Type.Optional(Type.String({ maxLength: 10 })),
  page: Type.Optional(Type.String({ maxLength: 6 })),
});
export type AgendaQuery = Static<typeof AgendaQuery>;

export const EmptyBody = formSchema({});

/** Cancelling an event: the reason (checked by the command, so a long one gets a message, not a 400). */
export const CancelEventBody = formSchema({ reason: 10_000 });
export type CancelEventBody = { reason?: string; _csrf?: string };

const EVENT_FIELDS: Record<EventField, number> = {
  structureId: 100,
  kind: 40,
  mode: 40,
  themeCode: 40,
  titleAr: 2000,
  titleFr: 2000,
  titleEn: 2000,
  descriptionAr: 40_000,
  descriptionFr: 40_000,
  descriptionEn: 40_000,
  governorateCode: 10,
  venueAr: 2000,
  venueFr: 2000,
  venueEn: 2000,
  onlineUrl: 2000,
  startsAt: 40,
  endsAt: 40,
  capacity: 20,
};
export const EventBody = formSchema(EVENT_FIELDS);
export type EventBody = Partial<Record<EventField | "_csrf", string>>;

/** The attendance form: the ids of the registrations present (one, many, or none). */
export const AttendanceBody = Type.Object({
  present: Type.Optional(
    Type.Union([
      Type.String({ maxLength: 100 }),
      Type.Array(Type.String({ maxLength: 100 }), { maxItems: 100_000 }),
    ]),
  ),
  _csrf: Type.Optional(Type.String({ maxLength: 200 })),
});
export type AttendanceBody = Static<typeof AttendanceBody>;
