import { describe, expect, it } from "vitest";
import { answerFormat, jurisdictionOf, many, one, parseW3cDateTime, splitResource, w3c } from "./params.js";

describe("Open311 parameters", () => {
  it("read W3C date-times with a time zone, and nothing else", () => {
    expect(parseW3cDateTime("2010-01-01T00:00:00Z")?.toISOString()).toBe("2010-01-01T00:00:00.000Z");
    expect(parseW3cDateTime("1994-11-05T08:15:30-05:00")?.toISOString()).toBe("1994-11-05T13:15:30.000Z");
    expect(parseW3cDateTime("2026-03-01T10:30+01:00")?.toISOString()).toBe("2026-03-01T09:30:00.000Z");
    expect(parseW3cDateTime("2026-03-01T10:30:00.25Z")?.toISOString()).toBe("2026-03-01T10:30:00.250Z");
    for (const bad of [
      "2010-01-01",
      "2010-01-01T00:00:00",
      "2010-13-01T00:00:00Z",
      "2026-02-29T00:00:00Z",
      "2010-01-01T24:00:00Z",
      "2010-01-01T00:00:00+25:00",
      "2010-01-01 00:00:00Z",
      "tomorrow",
      "",
    ])
      expect(parseW3cDateTime(bad), bad).toBeNull();
    expect(parseW3cDateTime("2028-02-29T00:00:00Z")).not.toBeNull();
  });

  it("write dates in UTC to the second", () => {
    expect(w3c(new Date("2026-01-02T03:04:05.678Z"))).toBe("2026-01-02T03:04:05Z");
  });

  it("split the last path segment at its last dot", () => {
    expect(splitResource("gov-tn-11.lighting.json")).toEqual({ id: "gov-tn-11.lighting", format: "json" });
    expect(splitResource("EC-2026-000123.xml")).toEqual({ id: "EC-2026-000123", format: "xml" });
    expect(splitResource("nothing")).toEqual({ id: "nothing", format: "" });
    expect(answerFormat("/open311/v2/requests.json?x=1.xml")).toBe("json");
    expect(answerFormat("/open311/v2/requests.csv")).toBe("xml");
  });

  it("read lists comma delimited or repeated, and treat empty values as absent", () => {
    expect(many(["open,closed", " open "])).toEqual(["open", "closed", "open"]);
    expect(many("")).toEqual([]);
    expect(many(undefined)).toEqual([]);
    expect(one(["a", "b"])).toBe("a");
    expect(one(36.8)).toBe("36.8");
    expect(one({ value: "v" })).toBeUndefined();
    expect(one({})).toBeUndefined();
  });

  it("name the jurisdiction after the platform's host", () => {
    expect(jurisdictionOf("https://www.sharek.tn")).toBe("sharek.tn");
    expect(jurisdictionOf("http://localhost:3000")).toBe("localhost:3000");
  });
});
