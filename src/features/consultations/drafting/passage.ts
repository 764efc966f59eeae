import { and, eq } from "drizzle-orm";
import { DEFAULT_LOCALE, isLocale, pickLocalized } from "../../../core/i18n/localized.js";
import type { Db } from "../../../db/client.js";
import { consultationSections } from "../tables.js";
import { anchorIn, type PassageAnchor, splitParagraphs } from "./anchor.js";
import { currentVersionNumber } from "./versions.js";

export type { PassageAnchor };

const int = (value: string | undefined) => {
  const n = Number.parseInt(value ?? "", 10);
  return Number.isInteger(n) && String(n) === (value ?? "").trim() ? n : undefined;
};

/**
 * The anchor of a passage comment, from what the form sent: the paragraph of the section in the
 * language shown, and the words selected (or, without a script, the whole paragraph). Null when the
 * paragraph or the words are not (or no longer) in the section as it reads now.
 */
export async function passageAnchor(
  tx: Db,
  consultationId: string,
  sectionId: string,
  input: { paragraph?: string; lang?: string; start?: string; end?: string; quote?: string },
): Promise<PassageAnchor | null> {
  const paragraph = int(input.paragraph);
  if (paragraph === undefined) return null;
  const [section] = await tx
    .select({ body: consultationSections.body })
    .from(consultationSections)
    .where(
      and(eq(consultationSections.id, sectionId), eq(consultationSections.consultationId, consultationId)),
    );
  if (!section) return null;
  const shown = pickLocalized(section.body, isLocale(input.lang) ? input.lang : DEFAULT_LOCALE);
  const found = anchorIn(splitParagraphs(shown.text), {
    paragraph,
    start: int(input.start),
    end: int(input.end),
    quote: input.quote,
  });
  if (!found) return null;
  return { version: await currentVersionNumber(tx, consultationId), lang: shown.lang, ...found };
}
