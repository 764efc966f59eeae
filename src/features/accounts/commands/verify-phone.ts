import { createHash, randomInt, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Account } from "../../../core/auth/plugin.js";
import { type FieldErrors, fieldError, type Result } from "../../../core/forms.js";
import { translator } from "../../../core/i18n/catalog.js";
import { DEFAULT_LOCALE, isLocale } from "../../../core/i18n/localized.js";
import { enqueueSms } from "../../../core/sms/outbox.js";
import type { Db } from "../../../db/client.js";
import { accountPhoneChecks } from "../tables.js";

const CODE_MINUTES = 10;
const RESEND_SECONDS = 60;
const CODES_PER_DAY = 5;
const MAX_FAILURES = 5;

const codeHash = (accountId: string, code: string) =>
  createHash("sha256").update(`${accountId}:${code}`).digest("hex");

export type PhoneCheck = typeof accountPhoneChecks.$inferSelect;

export async function findPhoneCheck(db: Db, accountId: string): Promise<PhoneCheck | null> {
  const [row] = await db.select().from(accountPhoneChecks).where(eq(accountPhoneChecks.accountId, accountId));
  return row ?? null;
}

/** Whether the account's current phone number was checked with a code. */
export function isPhoneVerified(account: Pick<Account, "phone">, check: PhoneCheck | null): boolean {
  return Boolean(account.phone && check?.verifiedPhone === account.phone && check.verifiedAt);
}

/**
 * Sends a 6-digit code by SMS to the account's phone, in the account's language: one a minute, five
 * a day, each valid ten minutes.
 */
export async function sendPhoneCode(
  db: Db,
  account: Pick<Account, "id" | "phone" | "locale">,
  now = new Date(),
): Promise<Result<null, "code">> {
  if (!account.phone) return { ok: false, errors: { code: fieldError("accounts.phone.noPhone") } };
  const check = await findPhoneCheck(db, account.id);
  const newDay = !check || now.getTime() - check.dayStartedAt.getTime() >= 24 * 3600_000;
  const sentToday = newDay ? 0 : check.sentToday;
  if (check?.lastSentAt && now.getTime() - check.lastSentAt.getTime() < RESEND_SECONDS * 1000)
    return { ok: false, errors: { code: fieldError("accounts.phone.tooSoon") } };
  if (sentToday >= CODES_PER_DAY)
    return { ok: false, errors: { code: fieldError("accounts.phone.tooMany") } };
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const locale = isLocale(account.locale) ? account.locale : DEFAULT_LOCALE;
  const values = {
    phone: account.phone,
    codeHash: codeHash(account.id, code),
    codeExpiresAt: new Date(now.getTime() + CODE_MINUTES * 60_000),
    failures: 0,
    sentToday: sentToday + 1,
    dayStartedAt: newDay ? now : check!.dayStartedAt,
    lastSentAt: now,
  };
  const queued = await db.transaction(async (tx) => {
    await tx
      .insert(accountPhoneChecks)
      .values({ accountId: account.id, ...values })
      .onConflictDoUpdate({ target: accountPhoneChecks.accountId, set: { ...values, updatedAt: now } });
    return enqueueSms(tx, {
      to: account.phone!,
      text: translator(locale)("accounts.phone.sms", { code, minutes: CODE_MINUTES }),
    });
  });
  // A number that answered STOP gets no SMS: say so rather than wait for a code that never comes.
  if (!queued) return { ok: false, errors: { code: fieldError("accounts.phone.optedOut") } };
  return { ok: true, value: null };
}

/** Checks a typed code: the account's current number is verified when it matches, unexpired. */
export async function confirmPhoneCode(
  db: Db,
  account: Pick<Account, "id" | "phone">,
  input: { code?: string },
  now = new Date(),
): Promise<Result<null, "code">> {
  const errors: FieldErrors<"code"> = {};
  const typed = (input.code ?? "").replace(/\s/g, "");
  const check = await findPhoneCheck(db, account.id);
  const live =
    check?.codeHash &&
    check.codeExpiresAt &&
    check.codeExpiresAt > now &&
    check.failures < MAX_FAILURES &&
    check.phone === account.phone;
  if (!live) return { ok: false, errors: { code: fieldError("accounts.phone.expired") } };
  const expected = Buffer.from(check.codeHash!, "hex");
  const given = Buffer.from(codeHash(account.id, typed), "hex");
  if (!/^\d{6}$/.test(typed) || !timingSafeEqual(expected, given)) {
    await db
      .update(accountPhoneChecks)
      .set({ failures: check.failures + 1 })
      .where(eq(accountPhoneChecks.accountId, account.id));
    errors.code = fieldError("accounts.phone.wrong");
    return { ok: false, errors };
  }
  await db
    .update(accountPhoneChecks)
    .set({ codeHash: null, codeExpiresAt: null, verifiedPhone: check.phone, verifiedAt: now })
    .where(eq(accountPhoneChecks.accountId, account.id));
  return { ok: true, value: null };
}
