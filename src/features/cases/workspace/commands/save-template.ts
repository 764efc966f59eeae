import { and, eq, isNull } from "drizzle-orm";
import { audit } from "../../../../core/audit/record.js";
import { type FieldErrors, fieldError, hasErrors, type Result, text } from "../../../../core/forms.js";
import { isLocale } from "../../../../core/i18n/localized.js";
import { isUuid } from "../../../../core/ids.js";
import { structureCategories } from "../../../structures/tables.js";
import { LIMITS } from "../../rules.js";
import { canTemplate } from "../policy.js";
import { responseTemplates } from "../tables.js";
import type { ResponseTemplate } from "../templates.js";
import type { StaffContext } from "./context.js";

export type TemplateField = "structure" | "category" | "locale" | "title" | "body";
export type TemplateInput = Partial<Record<TemplateField, string>>;
export const TITLE_MAX = 120;

/**
 * Creates a response template, or updates `existing`. The structure must be one the actor manages;
 * the category, when given, one of that structure's.
 */
export async function saveTemplate(
  ctx: StaffContext,
  input: TemplateInput,
  existing?: ResponseTemplate,
): Promise<Result<{ id: string }, TemplateField>> {
  const errors: FieldErrors<TemplateField> = {};
  const structureId = existing?.structureId ?? text(input.structure);
  if (!isUuid(structureId) || !canTemplate(ctx.actor, "manage", structureId)) {
    errors.structure = fieldError("cases.workspace.errors.structureRequired");
  }
  const categoryId = text(input.category) || null;
  if (categoryId && !errors.structure) {
    const [category] = isUuid(categoryId)
      ? await ctx.db
          .select({ id: structureCategories.id })
          .from(structureCategories)
          .where(
            and(
              eq(structureCategories.id, categoryId),
              eq(structureCategories.structureId, structureId),
              isNull(structureCategories.retiredAt),
            ),
          )
      : [];
    if (!category) errors.category = fieldError("cases.workspace.errors.categoryInvalid");
  }
  const locale = text(input.locale);
  if (!isLocale(locale)) errors.locale = fieldError("cases.workspace.errors.localeRequired");
  const title = text(input.title);
  if (!title) errors.title = fieldError("cases.workspace.errors.titleRequired");
  else if ([...title].length > TITLE_MAX)
    errors.title = fieldError("cases.workspace.errors.titleLong", { max: TITLE_MAX });
  const body = text(input.body);
  if (!body) errors.body = fieldError("cases.workspace.errors.messageRequired");
  else if ([...body].length > LIMITS.reply)
    errors.body = fieldError("cases.workspace.errors.messageLong", { max: LIMITS.reply });
  if (hasErrors(errors) || !isLocale(locale)) return { ok: false, errors };

  return ctx.db.transaction(async (tx) => {
    const values = { categoryId, locale, title, body };
    const [row] = existing
      ? await tx
          .update(responseTemplates)
          .set(values)
          .where(eq(responseTemplates.id, existing.id))
          .returning()
      : await tx
          .insert(responseTemplates)
          .values({ ...values, structureId, createdBy: ctx.actor.accountId })
          .returning();
    await audit(
      tx,
      {
        action: existing ? "case_template.update" : "case_template.create",
        subjectType: "response_template",
        subjectId: row!.id,
        structureId,
        details: { categoryId, locale },
      },
      ctx.request,
      ctx.actor.accountId,
    );
    return { ok: true, value: { id: row!.id } };
  });
}
