import type { FastifyRequest } from "fastify";
import Negotiator from "negotiator";
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "../../core/i18n/localized.js";
import { FORMATS, type Format } from "./document.js";

export const isFormat = (value: unknown): value is Format => (FORMATS as readonly unknown[]).includes(value);

/**
 * The format an answer (an error included) is written in: the URL's extension when it is one we
 * serve, else XML, the one format the specification requires.
 */
export function answerFormat(url: string): Format {
  const path = url.split("?")[0] ?? "";
  const extension = /\.([^./]*)$/.exec(path)?.[1];
  return extension === "json" ? "json" : "xml";
}

/** "EC-2026-000123.json" → { id: "EC-2026-000123", format: "json" }; the format is what follows the last dot. */
export function splitResource(file: string): { id: string; format: string } {
  const dot = file.lastIndexOf(".");
  return dot < 0 ? { id: file, format: "" } : { id: file.slice(0, dot), format: file.slice(dot + 1) };
}

/**
 * The language of names and messages: an explicit `locale` parameter (ar, fr or en), else the
 * Accept-Language header, else Arabic. Cookies are ignored: API clients are not browsers.
 */
export function apiLocale(request: FastifyRequest): Locale {
  const asked = one((request.query as Record<string, unknown> | undefined)?.locale);
  if (isLocale(asked)) return asked;
  if (!request.headers["accept-language"]) return DEFAULT_LOCALE;
  const negotiated = new Negotiator(request).language([...LOCALES]);
  return isLocale(negotiated) ? negotiated : DEFAULT_LOCALE;
}

/** A parameter's value: the first one when it is repeated; numbers as text; anything else missing. */
export function one(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === "string") return first;
  if (typeof first === "number" && Number.isFinite(first)) return String(first);
  return undefined;
}

/**
 * A parameter that "can be declared multiple times, comma delimited": every value, split on commas,
 * trimmed, empty ones dropped. An empty or missing parameter gives [] (the spec's "optional").
 */
export function many(value: unknown): string[] {
  const values = Array.isArray(value) ? value : [value];
  return values
    .filter((v): v is string => typeof v === "string")
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "");
}

// W3C date-time with the time and a zone: 2010-01-01T00:00:00Z, 2010-01-01T01:00+01:00, …T00:00:00.5Z.
const W3C_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-](\d{2}):(\d{2}))$/;

/**
 * A date-time in the specification's format (the W3C note's profile of ISO 8601, time zone required);
 * null when it is anything else, including impossible dates such as 2026-02-30.
 */
export function parseW3cDateTime(value: string): Date | null {
  const m = W3C_DATETIME.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s = "0", fraction = "", zone, zh = "0", zm = "0"] = m;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (hour > 23 || minute > 59 || second > 59 || Number(zh) > 23 || Number(zm) > 59) return null;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, Math.round(Number(`0${fraction}`) * 1000));
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (
    calendar.getUTCFullYear() !== year ||
    calendar.getUTCMonth() !== month - 1 ||
    calendar.getUTCDate() !== day
  )
    return null;
  const offset = zone === "Z" ? 0 : (zone!.startsWith("-") ? -1 : 1) * (Number(zh) * 60 + Number(zm));
  return new Date(utc - offset * 60_000);
}

/** A date-time as the specification returns it: UTC, to the second (2010-01-01T00:00:00Z). */
export function w3c(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * The one jurisdiction this endpoint serves: the platform's host without "www." (the spec suggests
 * the jurisdiction's main web address).
 */
export function jurisdictionOf(publicUrl: string): string {
  try {
    return new URL(publicUrl).host.replace(/^www\./, "");
  } catch {
    return publicUrl;
  }
}
