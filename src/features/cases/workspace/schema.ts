import Type, { type Static } from "typebox";
import { formSchema } from "../../../core/forms.js";
import { BULK_MAX } from "./commands/bulk-update.js";

/** A form body as formSchema() accepts it. */
type FormBody<K extends string> = Partial<Record<K | "_csrf", string>>;

/** Ids in URLs are checked by the handlers (isUuid), so a malformed one answers 404, never 400. */
const id = Type.String({ maxLength: 100 });

export const CaseParams = Type.Object({ lang: Type.String(), id });
export type CaseParams = Static<typeof CaseParams>;

export const FileParams = Type.Object({ lang: Type.String(), id, attachmentId: id });
export type FileParams = Static<typeof FileParams>;

export const ItemParams = Type.Object({ lang: Type.String(), itemId: id });
export type ItemParams = Static<typeof ItemParams>;

export const TokenParams = Type.Object({ lang: Type.String(), token: Type.String({ maxLength: 200 }) });
export type TokenParams = Static<typeof TokenParams>;

const short = Type.Optional(Type.String({ maxLength: 100 }));

export const QueueQuerySchema = Type.Object({
  structure: short,
  status: short,
  type: short,
  category: short,
  deadline: short,
  assignee: short,
  team: short,
  governorate: short,
  appeals: short,
  /** The search box: cut to SEARCH_MAX characters when read; far longer is a malformed request. */
  q: Type.Optional(Type.String({ maxLength: 2000 })),
  page: short,
});
export type QueueQuerySchema = Static<typeof QueueQuerySchema>;

export const WorkloadQuery = Type.Object({ structure: short, assignee: short, deadline: short, page: short });
export type WorkloadQuery = Static<typeof WorkloadQuery>;
/** `back`: the list the form was in (its query string), to return to. */
export const WorkloadAssignBody = formSchema({ structure: 100, case: 100, assignee: 100, back: 1000 });
export type WorkloadAssignBody = FormBody<"structure" | "case" | "assignee" | "back">;

/** `from`: the queue's query string the request was opened from (its "next request" follows that list). */
export const CasePageQuery = Type.Object({
  template: short,
  from: Type.Optional(Type.String({ maxLength: 3000 })),
});
export type CasePageQuery = Static<typeof CasePageQuery>;

export const StructureQuery = Type.Object({ structure: short });
export type StructureQuery = Static<typeof StructureQuery>;

/** Sizes well above the commands' limits: anything bigger is a malformed request (400). */
const MESSAGE = 50_000;

export const AssignBody = formSchema({ assignee: 100 });
export type AssignBody = FormBody<"assignee">;
export const MessageBody = formSchema({ body: MESSAGE });
export type MessageBody = FormBody<"body">;
export const TransferBody = formSchema({ structure: 100, reason: MESSAGE });
export type TransferBody = FormBody<"structure" | "reason">;
export const DuplicateBody = formSchema({ reference: 200 });
export type DuplicateBody = FormBody<"reference">;
export const CloseBody = formSchema({ outcome: 100, ground: 100, message: MESSAGE });
export type CloseBody = FormBody<"outcome" | "ground" | "message">;
export const ExtendBody = formSchema({ message: MESSAGE });
export type ExtendBody = FormBody<"message">;
export const EmptyBody = formSchema({});

export const BulkBody = Type.Object({
  structure: short,
  ids: Type.Optional(
    Type.Union([
      Type.String({ maxLength: 100 }),
      Type.Array(Type.String({ maxLength: 100 }), { maxItems: BULK_MAX * 2 }),
    ]),
  ),
  op: short,
  assignee: short,
  outcome: short,
  ground: short,
  message: Type.Optional(Type.String({ maxLength: MESSAGE })),
  _csrf: Type.Optional(Type.String({ maxLength: 200 })),
});
export type BulkBody = Static<typeof BulkBody>;

export const ViewBody = formSchema({ structure: 100, name: 1000, query: 2000 });
export type ViewBody = FormBody<"structure" | "name" | "query">;

export const TemplateBody = formSchema({
  structure: 100,
  category: 100,
  locale: 10,
  title: 2000,
  body: MESSAGE,
});
export type TemplateBody = FormBody<"structure" | "category" | "locale" | "title" | "body">;

export const RoutingBody = formSchema({
  category: 100,
  governorate: 20,
  municipality: 100,
  structure: 100,
  team: 100,
  assignment: 20,
  agent: 100,
});
export type RoutingBody = FormBody<
  "category" | "governorate" | "municipality" | "structure" | "team" | "assignment" | "agent"
>;

export const TeamBody = Type.Object({
  structure: Type.Optional(Type.String({ maxLength: 100 })),
  nameAr: Type.Optional(Type.String({ maxLength: 1000 })),
  nameFr: Type.Optional(Type.String({ maxLength: 1000 })),
  nameEn: Type.Optional(Type.String({ maxLength: 1000 })),
  members: Type.Optional(
    Type.Union([
      Type.String({ maxLength: 100 }),
      Type.Array(Type.String({ maxLength: 100 }), { maxItems: 400 }),
    ]),
  ),
  _csrf: Type.Optional(Type.String({ maxLength: 200 })),
});
export type TeamBody = Static<typeof TeamBody>;
