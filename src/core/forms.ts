import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import Type, { type TSchema } from "typebox";
import { stripNul } from "./security/input.js";

/**
 * Forms: the route schema only checks that each field is a string of sane size (anything else
 * is a malformed request: 400); the command then checks meaning and returns translated, per-field
 * errors, and the page is shown again with 422 and what was typed.
 */
export function formSchema<K extends string>(fields: Record<K, number>) {
  const properties = {} as Record<K, TSchema>;
  for (const [name, max] of Object.entries(fields) as Array<[K, number]>) {
    properties[name] = Type.Optional(Type.String({ maxLength: max }));
  }
  return Type.Object({ ...properties, _csrf: Type.Optional(Type.String({ maxLength: 200 })) });
}

/** A field's error: an i18n key and its values. */
export interface FieldError {
  key: string;
  values?: Record<string, unknown>;
}
export type FieldErrors<K extends string = string> = Partial<Record<K, FieldError>>;

export type Result<T, K extends string = string> =
  | { ok: true; value: T }
  | { ok: false; errors: FieldErrors<K> };

export const fieldError = (key: string, values?: Record<string, unknown>): FieldError => ({ key, values });

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}

/**
 * A text field's length, checked with messages that name the field: empty ("Enter the title of
 * your idea"), too short ("Title must be at least 8 characters"), too long. `keys` is the i18n
 * prefix of three keys, `${keys}Required`, `${keys}Short` and `${keys}Long`, given {min} and {max}.
 */
export function lengthProblem(
  value: string,
  limits: { min: number; max: number },
  keys: string,
): FieldError | null {
  const n = value.length;
  if (n === 0 && limits.min > 0) return fieldError(`${keys}Required`, limits);
  if (n < limits.min) return fieldError(`${keys}Short`, limits);
  if (n > limits.max) return fieldError(`${keys}Long`, limits);
  return null;
}

/** Trims a submitted text field and drops NUL characters (PostgreSQL text cannot hold them); missing fields read as "". */
export function text(value: string | undefined): string {
  return stripNul(value ?? "").trim();
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@.]{2,}$/;

export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

/** A phone number in E.164 (+216…), reading local numbers as Tunisian; null when invalid. */
export function toE164(value: string): string | null {
  const parsed = parsePhoneNumberFromString(value, "TN");
  return parsed?.isValid() ? parsed.number : null;
}

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/** Length is what matters (NIST SP 800-63B): 10 to 200 characters, and not the email itself. */
export function passwordProblem(password: string, email?: string): FieldError | null {
  if (password.length < PASSWORD_MIN)
    return fieldError("accounts.errors.passwordShort", { min: PASSWORD_MIN });
  if (password.length > PASSWORD_MAX)
    return fieldError("accounts.errors.passwordLong", { max: PASSWORD_MAX });
  if (email && password.toLowerCase().includes(email.toLowerCase()))
    return fieldError("accounts.errors.passwordIsEmail");
  return null;
}

/** A file field of a multipart form, read into memory within its route's upload limits (core/security/uploads.ts). */
export interface UploadedFile {
  field: string;
  data: Buffer;
  /** Cut short at the size limit: refuse it, with a message. */
  truncated: boolean;
}
