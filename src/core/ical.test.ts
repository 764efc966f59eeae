import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { calendar } from "./ical.js";

const entry = {
  uid: "0190-abc@sharek",
  title: "يوم إعلامي وطني حول المشاركة العمومية، تونس; الدورة الأولى",
  description: "Line one\nLine two, with a comma; and a semicolon \\ backslash. ".repeat(4),
  location: "Cité de la culture, Tunis",
  url: "https://sharek.tn/ar/events/0190",
  startsAt: new Date("2026-12-03T08:30:00Z"),
  endsAt: new Date("2026-12-03T13:00:00Z"),
  updatedAt: new Date("2026-11-20T10:00:00Z"),
  cancelled: false,
};

describe("calendar", () => {
  it("round-trips through ical.js: escaped text, folded lines, UTC times", () => {
    const text = calendar("Sharek", [entry], new Date("2026-11-26T00:00:00Z"));
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const component = new ICAL.Component(ICAL.parse(text));
    const [vevent] = component.getAllSubcomponents("vevent");
    const event = new ICAL.Event(vevent);
    expect(event.summary).toBe(entry.title);
    expect(event.description).toBe(entry.description);
    expect(event.location).toBe(entry.location);
    expect(event.uid).toBe(entry.uid);
    expect(event.startDate.toJSDate().toISOString()).toBe(entry.startsAt.toISOString());
    expect(event.endDate.toJSDate().toISOString()).toBe(entry.endsAt.toISOString());
  });

  it("marks a cancelled event", () => {
    const text = calendar("Sharek", [{ ...entry, cancelled: true }]);
    const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent("vevent");
    expect(vevent?.getFirstPropertyValue("status")).toBe("CANCELLED");
  });

  it("writes a moment (a deadline) without an end or a place", () => {
    const text = calendar("Sharek", [{ ...entry, endsAt: undefined, location: "" }]);
    expect(text).not.toMatch(/^(DTEND|LOCATION)/m);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent("vevent")!);
    expect(event.startDate.toJSDate().toISOString()).toBe(entry.startsAt.toISOString());
    expect(event.endDate.toJSDate().toISOString()).toBe(entry.startsAt.toISOString());
  });
});
