import Type, { type Static } from "typebox";
import { formSchema } from "../../core/forms.js";
import type { CategoryField } from "./commands/create-category.js";
import type { StructureField } from "./commands/create-structure.js";

/** A form body as formSchema() accepts it: optional strings (Static<> of a generic schema is too loose). */
type FormBody<K extends string> = Partial<Record<K | "_csrf", string>>;

/** Ids in URLs are checked by the handlers (not here), so a malformed one answers 404, never 400. */
export const StructureParams = Type.Object({ lang: Type.String(), id: Type.String({ maxLength: 100 }) });
export type StructureParams = Static<typeof StructureParams>;

export const CategoryParams = Type.Object({
  lang: Type.String(),
  id: Type.String({ maxLength: 100 }),
  categoryId: Type.String({ maxLength: 100 }),
});
export type CategoryParams = Static<typeof CategoryParams>;

export const CodeParams = Type.Object({ lang: Type.String(), code: Type.String({ maxLength: 100 }) });
export type CodeParams = Static<typeof CodeParams>;

export const DirectoryQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  governorate: Type.Optional(Type.String({ maxLength: 10 })),
  page: Type.Optional(Type.String({ maxLength: 6 })),
});
export type DirectoryQuery = Static<typeof DirectoryQuery>;

export const AdminListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  kind: Type.Optional(Type.String({ maxLength: 40 })),
  page: Type.Optional(Type.String({ maxLength: 6 })),
});
export type AdminListQuery = Static<typeof AdminListQuery>;

/**
 * Form bodies: strings of a sane size (anything bigger is a malformed request); the commands check
 * the real limits and answer with messages. Name and summary limits here are well above theirs.
 */
export const StructureBody = formSchema({
  code: 200,
  kind: 40,
  parentId: 100,
  governorateCode: 20,
  nameAr: 2000,
  nameFr: 2000,
  nameEn: 2000,
  summaryAr: 10_000,
  summaryFr: 10_000,
  summaryEn: 10_000,
  addressAr: 2000,
  addressFr: 2000,
  addressEn: 2000,
  phone: 100,
  email: 500,
  website: 2000,
});
export type StructureBody = FormBody<StructureField>;

export const MoveBody = formSchema({ parentId: 100 });
export type MoveBody = FormBody<"parentId">;

export const RetireBody = formSchema({ reason: 5000 });
export type RetireBody = FormBody<"reason">;

export const EmptyBody = formSchema({});

export const CategoryBody = formSchema({ code: 200, nameAr: 2000, nameFr: 2000, nameEn: 2000 });
export type CategoryBody = FormBody<CategoryField>;
