import { eq } from "drizzle-orm";
import { type FieldErrors, fieldError, hasErrors, type Result } from "../../../core/forms.js";
import { governorates } from "../../../core/structures/tables.js";
import type { Db } from "../../../db/client.js";
import { accountProfiles, ageBand, gender } from "../tables.js";

export type ProfileField = "consent" | "residence" | "ageBand" | "gender";
export interface ProfileInput {
  consent?: string;
  residence?: string;
  ageBand?: string;
  gender?: string;
}

/**
 * Saves the statistics profile. Explicit consent is required; each answer is optional ("" keeps
 * it unanswered). Without consent nothing is stored.
 */
export async function saveProfile(
  db: Db,
  accountId: string,
  input: ProfileInput,
): Promise<Result<null, ProfileField>> {
  const errors: FieldErrors<ProfileField> = {};
  if (input.consent !== "yes") errors.consent = fieldError("accounts.errors.consentRequired");
  const residence = input.residence || null;
  if (residence && residence !== "abroad") {
    const [known] = await db.select().from(governorates).where(eq(governorates.code, residence));
    if (!known) errors.residence = fieldError("accounts.errors.choiceInvalid");
  }
  const band = input.ageBand || null;
  if (band && !(ageBand.enumValues as readonly string[]).includes(band))
    errors.ageBand = fieldError("accounts.errors.choiceInvalid");
  const g = input.gender || null;
  if (g && !(gender.enumValues as readonly string[]).includes(g))
    errors.gender = fieldError("accounts.errors.choiceInvalid");
  if (hasErrors(errors)) return { ok: false, errors };
  const values = {
    residence,
    ageBand: band as (typeof ageBand.enumValues)[number] | null,
    gender: g as (typeof gender.enumValues)[number] | null,
  };
  await db
    .insert(accountProfiles)
    .values({ accountId, ...values, consentedAt: new Date() })
    .onConflictDoUpdate({
      target: accountProfiles.accountId,
      set: { ...values, consentedAt: new Date(), updatedAt: new Date() },
    });
  return { ok: true, value: null };
}

/** Withdraws consent: the profile is deleted, not just hidden. */
export async function deleteProfile(db: Db, accountId: string): Promise<void> {
  await db.delete(accountProfiles).where(eq(accountProfiles.accountId, accountId));
}
