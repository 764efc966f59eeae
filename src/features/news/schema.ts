import Type, { type Static } from "typebox";
import { formSchema } from "../../core/forms.js";

/** Ids in URLs are checked by the handlers, so a malformed one answers 404, never 400. */
export const NewsParams = Type.Object({ lang: Type.String(), id: Type.String({ maxLength: 100 }) });
export type NewsParams = Static<typeof NewsParams>;

/** The list's filters: unknown values are ignored (the whole list), never a 400. */
export const NewsQuery = Type.Object({
  category: Type.Optional(Type.String({ maxLength: 40 })),
  structure: Type.Optional(Type.String({ maxLength: 100 })),
  page: Type.Optional(Type.String({ maxLength: 6 })),
});
export type NewsQuery = Static<typeof NewsQuery>;

export const EmptyBody = formSchema({});
