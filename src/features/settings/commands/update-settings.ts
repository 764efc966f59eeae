import type { FastifyRequest } from "fastify";
import { audit } from "../../../core/audit/record.js";
import { type FieldErrors, fieldError, hasErrors, isEmail, type Result, text } from "../../../core/forms.js";
import { platformSettings } from "../../../core/settings/tables.js";
import type { Db } from "../../../db/client.js";
import {
  getPlatformSettings,
  type PlatformSettings,
  REOPEN_WINDOW_MAX,
  REOPEN_WINDOW_MIN,
  SETTING_KEYS,
} from "../queries.js";

export type SettingsField = "contactEmail" | "signUpOpen" | "reopenWindowDays";
export type SettingsInput = Partial<Record<SettingsField, string>>;

/** Checks the settings form: every field must be given (the form always sends them). */
export function parseSettings(input: SettingsInput): Result<PlatformSettings, SettingsField> {
  const errors: FieldErrors<SettingsField> = {};
  const email = text(input.contactEmail);
  if (email && !isEmail(email)) errors.contactEmail = fieldError("settings.errors.contactEmail");
  const open = text(input.signUpOpen);
  if (open !== "yes" && open !== "no") errors.signUpOpen = fieldError("settings.errors.signUpOpen");
  const daysText = text(input.reopenWindowDays);
  const days = /^\d{1,3}$/.test(daysText) ? Number(daysText) : Number.NaN;
  if (!(days >= REOPEN_WINDOW_MIN && days <= REOPEN_WINDOW_MAX))
    errors.reopenWindowDays = fieldError("settings.errors.reopenWindowDays", {
      min: REOPEN_WINDOW_MIN,
      max: REOPEN_WINDOW_MAX,
    });
  if (hasErrors(errors)) return { ok: false, errors };
  return {
    ok: true,
    value: { contactEmail: email || null, signUpOpen: open === "yes", reopenWindowDays: days },
  };
}

/**
 * Saves the platform settings and records which ones changed (their names only) in the audit log.
 * Returns the names of the settings that changed.
 */
export async function updateSettings(
  db: Db,
  input: SettingsInput,
  context: { actorId: string | null; request?: FastifyRequest },
): Promise<Result<{ changed: SettingsField[] }, SettingsField>> {
  const parsed = parseSettings(input);
  if (!parsed.ok) return parsed;
  return db.transaction(async (tx) => {
    const before = await getPlatformSettings(tx);
    const changed = (Object.keys(SETTING_KEYS) as SettingsField[]).filter(
      (field) => before[field] !== parsed.value[field],
    );
    for (const field of changed) {
      await tx
        .insert(platformSettings)
        .values({ key: SETTING_KEYS[field], value: parsed.value[field] })
        .onConflictDoUpdate({
          target: platformSettings.key,
          set: { value: parsed.value[field], updatedAt: new Date() },
        });
    }
    if (changed.length > 0)
      await audit(
        tx,
        { action: "settings.update", subjectType: "platform_settings", details: { changed } },
        context.request,
        context.actorId,
      );
    return { ok: true as const, value: { changed } };
  });
}
