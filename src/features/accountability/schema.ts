import Type, { type Static } from "typebox";
import { formSchema } from "../../core/forms.js";
import { ATTACHMENT_UPLOADS } from "../cases/attachments.js";
import { RESULT_FIELDS, type ResultField } from "./commands/result-fields.js";

/** Ids in URLs are checked by the handlers, so a malformed one answers 404, never 400. */
export const IdParams = Type.Object({ lang: Type.String(), id: Type.String({ maxLength: 100 }) });
export type IdParams = Static<typeof IdParams>;

export const ListQuery = Type.Object({
  structure: Type.Optional(Type.String({ maxLength: 100 })),
  place: Type.Optional(Type.String({ maxLength: 20 })),
  theme: Type.Optional(Type.String({ maxLength: 40 })),
  status: Type.Optional(Type.String({ maxLength: 20 })),
  origin: Type.Optional(Type.String({ maxLength: 20 })),
  page: Type.Optional(Type.String({ maxLength: 6 })),
});
export type ListQuery = Static<typeof ListQuery>;

export const NewQuery = Type.Object({
  origin: Type.Optional(Type.String({ maxLength: 20 })),
  id: Type.Optional(Type.String({ maxLength: 100 })),
});
export type NewQuery = Static<typeof NewQuery>;

export const FollowBody = formSchema({ follow: 1 });

const LONG: Partial<Record<ResultField, number>> = {
  descriptionAr: 40_000,
  descriptionFr: 40_000,
  descriptionEn: 40_000,
};
export const ResultBody = formSchema({
  ...(Object.fromEntries(RESULT_FIELDS.map((f) => [f, LONG[f] ?? 2000])) as Record<ResultField, number>),
  origin: 20,
  originId: 100,
});
export type ResultBody = Partial<Record<ResultField | "origin" | "originId" | "_csrf", string>>;

/** An evidence file: the n-th piece of evidence of one update of the result. Checked by the handler (404). */
export const EvidenceParams = Type.Object({
  lang: Type.String(),
  id: Type.String({ maxLength: 100 }),
  updateId: Type.String({ maxLength: 100 }),
  n: Type.String({ maxLength: 3 }),
});
export type EvidenceParams = Static<typeof EvidenceParams>;

/** An update's evidence files: checked as requests' attachments are (cases/attachments.ts). */
export const EVIDENCE_UPLOADS = ATTACHMENT_UPLOADS;

/** The sections chosen on the from-consultation form (one, many, or none). */
export const SectionsBody = Type.Object({
  sections: Type.Optional(
    Type.Union([
      Type.String({ maxLength: 100 }),
      Type.Array(Type.String({ maxLength: 100 }), { maxItems: 1000 }),
    ]),
  ),
  _csrf: Type.Optional(Type.String({ maxLength: 200 })),
});
export type SectionsBody = Static<typeof SectionsBody>;

/** The admin import: a CSV of results, up to 5 MB. */
export const IMPORT_UPLOADS = { maxFileSize: 5 * 1024 * 1024, maxFiles: 1 };
