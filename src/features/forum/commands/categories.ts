import { eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { audit } from "../../../core/audit/record.js";
import { type FieldErrors, fieldError, hasErrors, type Result, text } from "../../../core/forms.js";
import { LOCALES, type LocalizedText } from "../../../core/i18n/localized.js";
import type { Db } from "../../../db/client.js";
import { forumCategories } from "../tables.js";

export type CategoryField =
  | "slug"
  | "name_ar"
  | "name_fr"
  | "name_en"
  | "description_ar"
  | "description_fr"
  | "description_en"
  | "position";
export type CategoryInput = Partial<Record<CategoryField | "archived", string>>;

/** Creates (id null) or updates a forum category, named in ar/fr/en; platform admins only (the route checks). */
export async function saveCategory(
  db: Db,
  id: string | null,
  input: CategoryInput,
  request: FastifyRequest,
): Promise<Result<{ id: string }, CategoryField>> {
  const errors: FieldErrors<CategoryField> = {};
  const slug = text(input.slug).toLowerCase();
  if (!/^[a-z0-9][a-z0-9-]{1,39}$/.test(slug) || ["threads", "posts"].includes(slug))
    errors.slug = fieldError("forum.errors.slug");
  const name: LocalizedText = {};
  const description: LocalizedText = {};
  for (const l of LOCALES) {
    const n = text(input[`name_${l}`]);
    const d = text(input[`description_${l}`]);
    if (!n || n.length > 80)
      errors[`name_${l}`] = fieldError("forum.errors.categoryName", { lang: l, max: 80 });
    if (d.length > 300)
      errors[`description_${l}`] = fieldError("forum.errors.categoryDescriptionLong", { lang: l, max: 300 });
    name[l] = n;
    description[l] = d;
  }
  const position = Number(text(input.position) || "0");
  if (!Number.isInteger(position) || position < 0 || position > 1000)
    errors.position = fieldError("forum.errors.position");
  if (hasErrors(errors)) return { ok: false, errors };
  const [taken] = await db
    .select({ id: forumCategories.id })
    .from(forumCategories)
    .where(eq(forumCategories.slug, slug));
  if (taken && taken.id !== id) return { ok: false, errors: { slug: fieldError("forum.errors.slugTaken") } };
  const values = {
    slug,
    name,
    description,
    position,
    archivedAt: input.archived === "1" ? new Date() : null,
  };
  return db.transaction(async (tx) => {
    const [row] = id
      ? await tx
          .update(forumCategories)
          .set(values)
          .where(eq(forumCategories.id, id))
          .returning({ id: forumCategories.id })
      : await tx.insert(forumCategories).values(values).returning({ id: forumCategories.id });
    await audit(
      tx,
      {
        action: id ? "forum.category_updated" : "forum.category_created",
        subjectType: "forum_category",
        subjectId: row!.id,
      },
      request,
    );
    return { ok: true, value: { id: row!.id } };
  });
}
