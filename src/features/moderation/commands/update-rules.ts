import type { FastifyRequest } from "fastify";
import { audit } from "../../../core/audit/record.js";
import { type FieldErrors, fieldError, hasErrors, type Result, text } from "../../../core/forms.js";
import type { Db } from "../../../db/client.js";
import { LIMITS, type ModerationRules, saveModerationRules } from "../rules.js";
import type { RulesField } from "../views/rules-page.js";

/** Checks and saves the automatic hold's settings (platform admins). */
export async function updateModerationRules(
  db: Db,
  input: Partial<Record<RulesField, string>>,
  request: FastifyRequest,
): Promise<Result<ModerationRules, RulesField>> {
  const errors: FieldErrors<RulesField> = {};
  const number = (name: "newAccountDays" | "burstMax" | "burstMinutes") => {
    const raw = text(input[name]);
    const value = /^\d{1,5}$/.test(raw) ? Number(raw) : Number.NaN;
    const [min, max] = LIMITS[name];
    if (!(value >= min && value <= max)) errors[name] = fieldError("moderation.errors.range", { min, max });
    return value;
  };
  const words = [
    ...new Set(
      text(input.words)
        .split(/\r?\n/)
        .map((w) => w.trim())
        .filter(Boolean),
    ),
  ];
  if (words.length > LIMITS.words)
    errors.words = fieldError("moderation.errors.tooManyWords", { max: LIMITS.words });
  else if (words.some((w) => w.length > LIMITS.wordLength))
    errors.words = fieldError("moderation.errors.wordTooLong", { max: LIMITS.wordLength });
  const rules = {
    newAccountDays: number("newAccountDays"),
    burstMax: number("burstMax"),
    burstMinutes: number("burstMinutes"),
    words,
  };
  if (hasErrors(errors)) return { ok: false, errors };
  await db.transaction(async (tx) => {
    await saveModerationRules(tx, rules);
    await audit(
      tx,
      { action: "moderation.rules_updated", subjectType: "settings", details: { words: words.length } },
      request,
    );
  });
  return { ok: true, value: rules };
}
