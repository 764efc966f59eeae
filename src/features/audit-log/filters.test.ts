import { describe, expect, it } from "vitest";
import { filterQuery, parseFilters, startOfDay } from "./filters.js";

describe("audit log filters", () => {
  it("read days in Tunis time, with an inclusive end", () => {
    const { filters, errors } = parseFilters({ from: "2026-03-01", to: "2026-03-31" });
    expect(errors).toEqual({});
    expect(filters.from?.toISOString()).toBe("2026-02-28T23:00:00.000Z");
    expect(filters.before?.toISOString()).toBe("2026-03-31T23:00:00.000Z");
  });

  it("refuse impossible dates, reversed ranges and malformed values, one message per field", () => {
    expect(startOfDay("2026-02-30")).toBeNull();
    expect(startOfDay("20/03/2026")).toBeNull();
    const { errors } = parseFilters({
      action: "DROP TABLE",
      actor: "nobody",
      structure: "gov-tn-11",
      from: "2026-04-02",
      to: "2026-04-01",
    });
    expect(Object.keys(errors).sort()).toEqual(["action", "actor", "structure", "to"]);
    expect(errors.to?.key).toBe("audit-log.errors.toBeforeFrom");
  });

  it("keep only the filled-in filters in links", () => {
    expect(filterQuery({ action: "membership.grant", actor: " ", from: "2026-01-01" })).toBe(
      "?action=membership.grant&from=2026-01-01",
    );
    expect(filterQuery({})).toBe("");
  });
});
