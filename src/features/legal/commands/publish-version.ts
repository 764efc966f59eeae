import { audit, type ChangeContext } from "../../../core/audit/record.js";
import { type FieldErrors, fieldError, hasErrors, type Result } from "../../../core/forms.js";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import { localized } from "../../../core/i18n/localized.js";
import type { Db } from "../../../db/client.js";
import { findCurrentVersion } from "../queries.js";
import { type LegalPage, legalPageVersions } from "../tables.js";

export type LegalField = "titleAr" | "titleFr" | "titleEn" | "bodyAr" | "bodyFr" | "bodyEn";
export type LegalInput = Partial<Record<LegalField, string>>;

export const TITLE_MAX = 200;
export const BODY_MAX = 60_000;

/**
 * Publishes a new version of a legal page: every language is required (the law is the same for
 * every reader). The earlier versions are kept, with their date and who published them.
 */
export async function publishVersion(
  db: Db,
  page: LegalPage,
  input: LegalInput,
  context: ChangeContext,
): Promise<Result<{ versionId: string }, LegalField>> {
  const errors: FieldErrors<LegalField> = {};
  const title = localized(input.titleAr, input.titleFr, input.titleEn);
  const body = localized(input.bodyAr, input.bodyFr, input.bodyEn);
  for (const lang of ["Ar", "Fr", "En"] as const) {
    const key = lang.toLowerCase() as "ar" | "fr" | "en";
    if (!title[key]) errors[`title${lang}`] = fieldError("legal.errors.titleRequired", { lang: key });
    else if ([...title[key]].length > TITLE_MAX)
      errors[`title${lang}`] = fieldError("legal.errors.titleLong", { lang: key, max: TITLE_MAX });
    if (!body[key]) errors[`body${lang}`] = fieldError("legal.errors.bodyRequired", { lang: key });
    else if ([...body[key]].length > BODY_MAX)
      errors[`body${lang}`] = fieldError("legal.errors.bodyLong", { lang: key, max: BODY_MAX });
  }
  if (hasErrors(errors)) return { ok: false, errors };
  return db.transaction(async (tx) => {
    // A double submit, or a save with nothing changed, publishes nothing new.
    const current = await findCurrentVersion(tx, page);
    if (current && sameText(current.title, title) && sameText(current.body, body))
      return { ok: true as const, value: { versionId: current.id } };
    const [row] = await tx
      .insert(legalPageVersions)
      .values({ page, title, body, authorId: context.actorId })
      .returning({ id: legalPageVersions.id });
    await audit(
      tx,
      { action: "legal.publish", subjectType: "legal_page_version", subjectId: row!.id, details: { page } },
      context.request,
      context.actorId,
    );
    return { ok: true as const, value: { versionId: row!.id } };
  });
}

const sameText = (a: LocalizedText, b: LocalizedText) => a.ar === b.ar && a.fr === b.fr && a.en === b.en;
