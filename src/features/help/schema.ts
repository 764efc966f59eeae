import Type, { type Static } from "typebox";
import { formSchema } from "../../core/forms.js";
import type { ArticleField } from "./commands/save-article.js";

export const SlugParams = Type.Object({ lang: Type.String(), slug: Type.String({ maxLength: 100 }) });
export type SlugParams = Static<typeof SlugParams>;
export const IdParams = Type.Object({ lang: Type.String(), id: Type.String({ maxLength: 100 }) });
export type IdParams = Static<typeof IdParams>;
export const HelpQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 200 })) });
export type HelpQuery = Static<typeof HelpQuery>;

const FIELDS: Record<ArticleField, number> = {
  slug: 200,
  kind: 20,
  position: 20,
  titleAr: 2000,
  titleFr: 2000,
  titleEn: 2000,
  bodyAr: 300_000,
  bodyFr: 300_000,
  bodyEn: 300_000,
};
export const ArticleBody = formSchema(FIELDS);
export type ArticleBody = Partial<Record<ArticleField | "_csrf", string>>;
