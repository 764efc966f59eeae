import Type, { type Static } from "typebox";
import { formSchema } from "../../../core/forms.js";

/** A consultation's section, question or document, in the admin content pages' paths. */
export const ItemParams = Type.Object({
  lang: Type.String(),
  id: Type.String({ maxLength: 100 }),
  itemId: Type.String({ maxLength: 100 }),
});
export type ItemParams = Static<typeof ItemParams>;
/** The body of a delete button's form: nothing but the CSRF token. */
export const EmptyBody = formSchema({});
