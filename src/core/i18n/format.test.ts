import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatDay,
  formatEventTime,
  formatMonth,
  formatMonthDay,
  formatMonthName,
} from "./format.js";

/** Sunday 6 December 2026, 16:29 in Tunis (UTC+1): an afternoon, so a 12-hour clock would show 4:29. */
const AFTERNOON = new Date("2026-12-06T15:29:00Z");
/** The same day at 04:05 in Tunis. */
const EARLY = new Date("2026-12-06T03:05:00Z");

describe("dates and times, one style in three languages", () => {
  it("writes a date with the month in words and the full year", () => {
    expect(formatDate(AFTERNOON, "ar")).toBe("6 ديسمبر 2026");
    expect(formatDate(AFTERNOON, "fr")).toBe("6 décembre 2026");
    expect(formatDate(AFTERNOON, "en")).toBe("6 December 2026");
  });

  it("uses the Tunisian month names in Arabic", () => {
    expect(formatDate(new Date("2026-01-15T12:00:00Z"), "ar")).toBe("15 جانفي 2026");
    expect(formatMonthName(6, "ar")).toBe("جوان");
    expect(formatMonthName(8, "ar")).toBe("أوت");
  });

  it("writes times on a 24-hour clock in every language, in Tunis time", () => {
    for (const locale of ["ar", "fr", "en"] as const) {
      const text = formatDateTime(AFTERNOON, locale);
      expect(text, locale).toContain("16:29");
      expect(text, locale).not.toMatch(/AM|PM|ص|م\b|4:29/);
      expect(formatDateTime(EARLY, locale), locale).toContain("04:05");
    }
    expect(formatDateTime(AFTERNOON, "fr")).toBe("6 décembre 2026 à 16:29");
    expect(formatDateTime(AFTERNOON, "en")).toBe("6 December 2026 at 16:29");
    expect(formatDateTime(AFTERNOON, "ar")).toBe("6 ديسمبر 2026 في 16:29");
  });

  it("names the weekday of an event, with its 24-hour time", () => {
    expect(formatEventTime(AFTERNOON, "ar")).toBe("الأحد، 6 ديسمبر 2026 في 16:29");
    expect(formatEventTime(AFTERNOON, "fr")).toBe("dimanche 6 décembre 2026 à 16:29");
    expect(formatEventTime(AFTERNOON, "en")).toBe("Sunday, 6 December 2026 at 16:29");
  });

  it("names the weekday of a calendar day, whatever the server's time zone", () => {
    expect(formatDay("2026-03-20", "fr")).toBe("vendredi 20 mars 2026");
    expect(formatDay("2026-03-20", "ar")).toBe("الجمعة، 20 مارس 2026");
    expect(formatDay("2026-03-20", "en")).toBe("Friday, 20 March 2026");
    expect(formatMonthDay(3, 20, "en")).toBe("20 March");
  });

  it("labels a chart's month with the full year, never a two-digit one that reads as a day", () => {
    expect(formatMonth("2026-01", "ar")).toBe("جانفي 2026");
    expect(formatMonth("2026-01", "fr")).toBe("janvier 2026");
    expect(formatMonth("2026-01", "en")).toBe("January 2026");
    expect(formatMonth("2025-12", "ar")).toBe("ديسمبر 2025");
  });
});
