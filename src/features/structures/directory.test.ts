import { describe, expect, it } from "vitest";
import { buildDirectory, paginateGroups } from "./directory.js";
import type { StructureSummary } from "./queries.js";

let n = 0;
const node = (
  code: string,
  kind: StructureSummary["kind"],
  parent: StructureSummary | null,
  governorateCode: string | null = null,
  fr = code,
): StructureSummary => ({
  id: `id-${++n}-${code}`,
  code,
  kind,
  parentId: parent?.id ?? null,
  governorateCode,
  name: { fr },
  retiredAt: null,
});

const pg = node("pg", "presidency", null);
const bcrc = node("bcrc", "central_office", pg);
const health = node("min-health", "ministry", pg, null, "Santé");
const interior = node("min-interior", "ministry", pg, null, "Intérieur");
const drsSfax = node("drs-sfax", "regional_directorate", health, "TN-61");
const govSfax = node("gov-sfax", "governorate", interior, "TN-61");
const govTunis = node("gov-tunis", "governorate", interior, "TN-11");
const munSfax = node("mun-sfax", "municipality", govSfax, "TN-61");
const inai = node("inai", "independent_body", null);
const orphan = node("orphan", "municipality", null, "TN-11");
const ALL = [inai, munSfax, govTunis, govSfax, drsSfax, interior, health, bcrc, pg, orphan];
const options = { locale: "fr" as const, governorateOrder: ["TN-11", "TN-61"] };

describe("the directory tree", () => {
  it("groups national structures, governorates in official order with their municipalities, then independent bodies", () => {
    const groups = buildDirectory(ALL, options);
    expect(groups.map((g) => [g.section, g.root.node.code, g.size])).toEqual([
      ["national", "pg", 2],
      ["national", "min-interior", 1],
      ["national", "min-health", 2],
      ["governorates", "gov-tunis", 1],
      ["governorates", "orphan", 1],
      ["governorates", "gov-sfax", 2],
      ["independent", "inai", 1],
    ]);
    expect(groups[0]?.root.children.map((c) => c.node.code)).toEqual(["bcrc"]);
    expect(groups[5]?.root.children.map((c) => c.node.code)).toEqual(["mun-sfax"]);
  });

  it("keeps one governorate's structures, with their heads as context", () => {
    const groups = buildDirectory(ALL, { ...options, governorate: "TN-61" });
    expect(groups.map((g) => g.root.node.code)).toEqual(["min-health", "gov-sfax"]);
    expect(groups[0]?.root.context).toBe(true);
    expect(groups[0]?.root.children[0]).toMatchObject({ node: { code: "drs-sfax" }, context: false });
  });

  it("cuts pages without splitting a group", () => {
    const groups = buildDirectory(ALL, options);
    const first = paginateGroups(groups, 1, 4);
    expect(first.totalPages).toBe(3);
    expect(first.groups.map((g) => g.root.node.code)).toEqual(["pg", "min-interior"]);
    expect(paginateGroups(groups, 99, 4).page).toBe(3);
    expect(paginateGroups([], 1).groups).toEqual([]);
  });
});
