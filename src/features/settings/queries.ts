import { inArray } from "drizzle-orm";
import { platformSettings } from "../../core/settings/tables.js";
import type { Db } from "../../db/client.js";

/** The platform settings an admin can change, with their defaults. */
export interface PlatformSettings {
  /** Where the public can write to the platform's team; null until set. */
  contactEmail: string | null;
  /** Whether citizens may create accounts with a password (the e-ID still creates them either way). */
  signUpOpen: boolean;
  /** How many days after an answer a citizen may reopen a request (the same for every structure). */
  reopenWindowDays: number;
}

export const DEFAULT_SETTINGS: PlatformSettings = {
  contactEmail: null,
  signUpOpen: true,
  reopenWindowDays: 15,
};

export const REOPEN_WINDOW_MIN = 1;
export const REOPEN_WINDOW_MAX = 90;

/** Each setting's key in platform_settings. */
export const SETTING_KEYS: Record<keyof PlatformSettings, string> = {
  contactEmail: "settings.contact_email",
  signUpOpen: "settings.sign_up_open",
  reopenWindowDays: "settings.reopen_window_days",
};

/** The current settings; anything never set (or stored in a shape it should not have) reads as its default. */
export async function getPlatformSettings(db: Db): Promise<PlatformSettings> {
  const rows = await db
    .select()
    .from(platformSettings)
    .where(inArray(platformSettings.key, Object.values(SETTING_KEYS)));
  const stored = new Map(rows.map((r) => [r.key, r.value as unknown]));
  const email = stored.get(SETTING_KEYS.contactEmail);
  const open = stored.get(SETTING_KEYS.signUpOpen);
  const days = stored.get(SETTING_KEYS.reopenWindowDays);
  return {
    contactEmail: typeof email === "string" && email ? email : DEFAULT_SETTINGS.contactEmail,
    signUpOpen: typeof open === "boolean" ? open : DEFAULT_SETTINGS.signUpOpen,
    reopenWindowDays:
      Number.isInteger(days) && (days as number) >= REOPEN_WINDOW_MIN && (days as number) <= REOPEN_WINDOW_MAX
        ? (days as number)
        : DEFAULT_SETTINGS.reopenWindowDays,
  };
}

/** Whether citizens may sign up now (true unless a platform admin closed it). */
export async function isSignUpOpen(db: Db): Promise<boolean> {
  return (await getPlatformSettings(db)).signUpOpen;
}

/** The number of days during which an answered request may be reopened (structures have no window of their own). */
export async function reopenWindowDays(db: Db): Promise<number> {
  return (await getPlatformSettings(db)).reopenWindowDays;
}
