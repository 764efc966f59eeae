import { and, count, eq, max } from "drizzle-orm";
import type { ChangeContext } from "../../../core/audit/record.js";
import { type FieldErrors, fieldError, hasErrors, type Result, text } from "../../../core/forms.js";
import { isLocale } from "../../../core/i18n/localized.js";
import type { Db } from "../../../db/client.js";
import { LIMITS } from "../fields.js";
import type { Consultation, Section } from "../queries.js";
import { consultationComments, consultationSections } from "../tables.js";
import { auditConsultation } from "./audit-consultation.js";
import { parseLocalized } from "./save-consultation.js";

export type SectionField = "titleAr" | "titleFr" | "titleEn" | "bodyAr" | "bodyFr" | "bodyEn";
export type ImportField = "text" | "language";

/**
 * The text of a consultation can change only before anyone may comment on it: while it is a draft
 * or announced. Once it opens, comments refer to its sections as they were.
 */
export function textEditable(c: Pick<Consultation, "visibility" | "opensAt">, now = new Date()): boolean {
  return c.visibility === "draft" || now < c.opensAt;
}

async function hasComments(db: Db, consultationId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(consultationComments)
    .where(eq(consultationComments.consultationId, consultationId));
  return (row?.n ?? 0) > 0;
}

async function nextPosition(db: Db, consultationId: string): Promise<number> {
  const [row] = await db
    .select({ n: max(consultationSections.position) })
    .from(consultationSections)
    .where(eq(consultationSections.consultationId, consultationId));
  return (row?.n ?? 0) + 1;
}

function parseSection(input: Partial<Record<SectionField, string>>, errors: FieldErrors) {
  const title = parseLocalized(input, "title", { max: LIMITS.sectionTitle, required: false }, errors);
  const body = parseLocalized(
    input,
    "body",
    { max: LIMITS.sectionBody, required: true, requiredKey: "consultations.errors.sectionBodyRequired" },
    errors,
  );
  return { title, body };
}

async function lockedError(db: Db, c: Consultation): Promise<FieldErrors | null> {
  if (!textEditable(c) || (await hasComments(db, c.id)))
    return { bodyAr: fieldError("consultations.errors.textLocked") };
  return null;
}

export async function addSection(
  db: Db,
  c: Consultation,
  input: Partial<Record<SectionField, string>>,
  context: ChangeContext,
): Promise<Result<{ id: string }, SectionField>> {
  const locked = await lockedError(db, c);
  if (locked) return { ok: false, errors: locked };
  const errors: FieldErrors = {};
  const values = parseSection(input, errors);
  if (hasErrors(errors)) return { ok: false, errors };
  const [row] = await db
    .insert(consultationSections)
    .values({ consultationId: c.id, position: await nextPosition(db, c.id), ...values })
    .returning({ id: consultationSections.id });
  await auditConsultation(db, c, "consultation.section.add", context);
  return { ok: true, value: row! };
}

export async function updateSection(
  db: Db,
  c: Consultation,
  section: Section,
  input: Partial<Record<SectionField, string>>,
  context: ChangeContext,
): Promise<Result<null, SectionField>> {
  const locked = await lockedError(db, c);
  if (locked) return { ok: false, errors: locked };
  const errors: FieldErrors = {};
  const values = parseSection(input, errors);
  if (hasErrors(errors)) return { ok: false, errors };
  await db.update(consultationSections).set(values).where(eq(consultationSections.id, section.id));
  await auditConsultation(db, c, "consultation.section.update", context, { sectionId: section.id });
  return { ok: true, value: null };
}

export async function deleteSection(
  db: Db,
  c: Consultation,
  section: Section,
  context: ChangeContext,
): Promise<Result<null, SectionField>> {
  const locked = await lockedError(db, c);
  if (locked) return { ok: false, errors: locked };
  await db
    .delete(consultationSections)
    .where(and(eq(consultationSections.id, section.id), eq(consultationSections.consultationId, c.id)));
  await auditConsultation(db, c, "consultation.section.delete", context, { sectionId: section.id });
  return { ok: true, value: null };
}

const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
/** Lines that start an article of a legal text, in Arabic, French or English. */
const ARTICLE =
  /^\s*(?:\*\*)?((?:article|art\.|section|chapitre|chapter|الفصل|الفصـل|المادة|الفقرة|الباب)\s*[\p{N}\p{L}]*(?:\s*(?:er|ère|premier|première|الأول|الأولى))?\s*[-–—:.)]?)(?:\*\*)?\s*(.*)$/iu;

export interface ParsedSection {
  title: string;
  body: string;
}

/**
 * Splits a draft text into sections. Markdown headings (#, ##, …) start sections, titled by the
 * heading; otherwise lines starting an article ("Article 3", "الفصل 3", "Art. 3 –") do; otherwise
 * each paragraph (text between blank lines) is a section without a title. Text before the first
 * heading or article is a section of its own (a preamble).
 */
export function splitSections(source: string): ParsedSection[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const clean = (body: string[]) =>
    body
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim();
  const byMarker = (start: (line: string) => { title: string; rest: string } | null) => {
    const out: ParsedSection[] = [];
    let current: { title: string; body: string[] } = { title: "", body: [] };
    for (const line of lines) {
      const s = start(line);
      if (s) {
        if (current.title || clean(current.body))
          out.push({ title: current.title, body: clean(current.body) });
        current = { title: s.title, body: s.rest ? [s.rest] : [] };
      } else current.body.push(line);
    }
    if (current.title || clean(current.body)) out.push({ title: current.title, body: clean(current.body) });
    return out;
  };
  if (lines.some((l) => HEADING.test(l))) {
    return byMarker((line) => {
      const m = HEADING.exec(line);
      return m ? { title: m[2]!.trim(), rest: "" } : null;
    });
  }
  if (lines.filter((l) => ARTICLE.test(l)).length >= 2) {
    return byMarker((line) => {
      const m = ARTICLE.exec(line);
      return m ? { title: m[1]!.replace(/[-–—:.)]\s*$/, "").trim(), rest: m[2]!.trim() } : null;
    });
  }
  return source
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((body) => ({ title: "", body }));
}

/** Appends the sections of a pasted text (plain text or Markdown), in one language. */
export async function importSections(
  db: Db,
  c: Consultation,
  input: { text?: string; language?: string },
  context: ChangeContext,
): Promise<Result<{ count: number }, ImportField>> {
  if (!textEditable(c) || (await hasComments(db, c.id)))
    return { ok: false, errors: { text: fieldError("consultations.errors.textLocked") } };
  const errors: FieldErrors<ImportField> = {};
  const language = text(input.language);
  if (!isLocale(language)) errors.language = fieldError("consultations.errors.choose");
  const parsed = splitSections(input.text ?? "");
  if (parsed.length === 0) errors.text = fieldError("consultations.errors.importEmpty");
  else if (parsed.length > LIMITS.sections)
    errors.text = fieldError("consultations.errors.importTooMany", { max: LIMITS.sections });
  else if (
    parsed.some((p) => [...p.body].length > LIMITS.sectionBody || [...p.title].length > LIMITS.sectionTitle)
  )
    errors.text = fieldError("consultations.errors.importTooLong", { max: LIMITS.sectionBody });
  if (hasErrors(errors) || !isLocale(language)) return { ok: false, errors };
  const first = await nextPosition(db, c.id);
  await db.transaction(async (tx) => {
    await tx.insert(consultationSections).values(
      parsed.map((p, i) => ({
        consultationId: c.id,
        position: first + i,
        title: p.title ? { [language]: p.title } : {},
        body: p.body ? { [language]: p.body } : { [language]: p.title },
      })),
    );
    await auditConsultation(tx, c, "consultation.section.import", context, {
      count: parsed.length,
      language,
    });
  });
  return { ok: true, value: { count: parsed.length } };
}
