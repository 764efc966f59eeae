import { eq } from "drizzle-orm";
import { audit, type ChangeContext } from "../../../core/audit/record.js";
import { type FieldErrors, fieldError, hasErrors, type Result, text } from "../../../core/forms.js";
import { localized } from "../../../core/i18n/localized.js";
import type { Db } from "../../../db/client.js";
import { isUniqueViolation } from "../../../db/errors.js";
import type { HelpArticle } from "../queries.js";
import { helpArticleKind, helpArticles } from "../tables.js";

export type ArticleField =
  | "slug"
  | "kind"
  | "position"
  | "titleAr"
  | "titleFr"
  | "titleEn"
  | "bodyAr"
  | "bodyFr"
  | "bodyEn";
export type ArticleInput = Partial<Record<ArticleField, string>>;

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,79}$/;
export const TITLE_MAX = 200;
export const BODY_MAX = 30_000;

function parse(input: ArticleInput): Result<Omit<typeof helpArticles.$inferInsert, "id">, ArticleField> {
  const errors: FieldErrors<ArticleField> = {};
  const slug = text(input.slug).toLowerCase();
  if (!SLUG_PATTERN.test(slug)) errors.slug = fieldError("help.errors.slugInvalid");
  const kind = text(input.kind);
  if (!(helpArticleKind.enumValues as readonly string[]).includes(kind))
    errors.kind = fieldError("help.errors.kindRequired");
  const positionText = text(input.position) || "0";
  const position = /^\d{1,4}$/.test(positionText) ? Number(positionText) : -1;
  if (position < 0) errors.position = fieldError("help.errors.positionInvalid");
  const title = localized(input.titleAr, input.titleFr, input.titleEn);
  const body = localized(input.bodyAr, input.bodyFr, input.bodyEn);
  for (const lang of ["Ar", "Fr", "En"] as const) {
    const key = lang.toLowerCase() as "ar" | "fr" | "en";
    if (!title[key]) errors[`title${lang}`] = fieldError("help.errors.titleRequired", { lang: key });
    else if ([...title[key]].length > TITLE_MAX)
      errors[`title${lang}`] = fieldError("help.errors.titleLong", { lang: key, max: TITLE_MAX });
    if (!body[key]) errors[`body${lang}`] = fieldError("help.errors.bodyRequired", { lang: key });
    else if ([...body[key]].length > BODY_MAX)
      errors[`body${lang}`] = fieldError("help.errors.bodyLong", { lang: key, max: BODY_MAX });
  }
  if (hasErrors(errors)) return { ok: false, errors };
  return { ok: true, value: { slug, kind: kind as HelpArticle["kind"], position, title, body } };
}

/**
 * Creates a guide or question (`article` absent) or updates one. Every language is required: the
 * help centre is what people read before anything else.
 */
export async function saveArticle(
  db: Db,
  article: HelpArticle | null,
  input: ArticleInput,
  context: ChangeContext,
): Promise<Result<{ slug: string }, ArticleField>> {
  const parsed = parse(input);
  if (!parsed.ok) return parsed;
  try {
    return await db.transaction(async (tx) => {
      const [row] = article
        ? await tx.update(helpArticles).set(parsed.value).where(eq(helpArticles.id, article.id)).returning()
        : await tx.insert(helpArticles).values(parsed.value).returning();
      await audit(
        tx,
        {
          action: article ? "help.update" : "help.create",
          subjectType: "help_article",
          subjectId: row!.id,
          details: { slug: row!.slug },
        },
        context.request,
        context.actorId,
      );
      return { ok: true as const, value: { slug: row!.slug } };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, errors: { slug: fieldError("help.errors.slugTaken") } };
    throw error;
  }
}
