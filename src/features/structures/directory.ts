import { INTL_TAG } from "../../core/i18n/catalog.js";
import { type Locale, pickLocalized } from "../../core/i18n/localized.js";
import type { StructureKind } from "./commands/structure-fields.js";
import type { StructureSummary } from "./queries.js";

/**
 * The public directory as a tree cut into groups. A group is one "head" structure (the
 * presidency, a ministry, a governorate, an independent body, or any structure whose parent is not
 * in the directory) with everything below it that is not itself a head. Groups fall into sections:
 * national structures, governorates (in their official order, each with its municipalities), and
 * independent bodies. Pages never split a group, so every page shows whole subtrees.
 */
export type SectionKey = "national" | "governorates" | "independent";

export interface DirectoryItem {
  node: StructureSummary;
  /** Shown only because something below it matches the governorate filter. */
  context: boolean;
  children: DirectoryItem[];
}

export interface DirectoryGroup {
  section: SectionKey;
  root: DirectoryItem;
  size: number;
}

const HEAD_KINDS: ReadonlySet<StructureKind> = new Set([
  "presidency",
  "ministry",
  "governorate",
  "independent_body",
]);

const KIND_ORDER: Record<StructureKind, number> = {
  presidency: 0,
  central_office: 1,
  ministry: 2,
  regional_directorate: 3,
  governorate: 4,
  municipality: 5,
  independent_body: 6,
};

const SECTION_OF: Record<StructureKind, SectionKey> = {
  presidency: "national",
  central_office: "national",
  ministry: "national",
  regional_directorate: "national",
  governorate: "governorates",
  municipality: "governorates",
  independent_body: "independent",
};

export const SECTIONS: SectionKey[] = ["national", "governorates", "independent"];

export interface DirectoryOptions {
  locale: Locale;
  /** Governorate codes in their official order. */
  governorateOrder: string[];
  /** Keep only structures in this governorate (with their heads as context). */
  governorate?: string;
}

export function buildDirectory(nodes: StructureSummary[], options: DirectoryOptions): DirectoryGroup[] {
  const collator = new Intl.Collator(INTL_TAG[options.locale]);
  const name = (n: StructureSummary) => pickLocalized(n.name, options.locale).text;
  const byKindThenName = (a: StructureSummary, b: StructureSummary) =>
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || collator.compare(name(a), name(b));

  const ids = new Set(nodes.map((n) => n.id));
  const children = new Map<string, StructureSummary[]>();
  const heads: StructureSummary[] = [];
  for (const n of nodes) {
    if (HEAD_KINDS.has(n.kind) || !n.parentId || !ids.has(n.parentId)) heads.push(n);
    if (n.parentId && ids.has(n.parentId)) {
      const list = children.get(n.parentId) ?? [];
      list.push(n);
      children.set(n.parentId, list);
    }
  }
  const headIds = new Set(heads.map((h) => h.id));
  const matches = (n: StructureSummary) => !options.governorate || n.governorateCode === options.governorate;

  const grow = (node: StructureSummary, seen: Set<string>): DirectoryItem | null => {
    seen.add(node.id);
    const below = (children.get(node.id) ?? [])
      .filter((c) => !headIds.has(c.id) && !seen.has(c.id))
      .sort(byKindThenName)
      .map((c) => grow(c, seen))
      .filter((c): c is DirectoryItem => c !== null);
    if (!matches(node) && below.length === 0) return null;
    return { node, context: !matches(node), children: below };
  };
  const size = (item: DirectoryItem): number => 1 + item.children.reduce((n, c) => n + size(c), 0);

  const govPosition = new Map(options.governorateOrder.map((code, i) => [code, i]));
  const position = (n: StructureSummary) =>
    govPosition.get(n.governorateCode ?? "") ?? Number.MAX_SAFE_INTEGER;
  const sectionOrder = (n: StructureSummary) => SECTIONS.indexOf(SECTION_OF[n.kind]);
  heads.sort(
    (a, b) =>
      sectionOrder(a) - sectionOrder(b) ||
      (SECTION_OF[a.kind] === "governorates" ? position(a) - position(b) : 0) ||
      byKindThenName(a, b),
  );

  const groups: DirectoryGroup[] = [];
  for (const head of heads) {
    const root = grow(head, new Set());
    if (root) groups.push({ section: SECTION_OF[head.kind], root, size: size(root) });
  }
  return groups;
}

/**
 * Cuts groups into pages of about `budget` structures, never splitting a group. Returns the
 * groups of the requested page (clamped to the pages there are) and the page count.
 */
export function paginateGroups(groups: DirectoryGroup[], page: number, budget = 60) {
  const pages: DirectoryGroup[][] = [[]];
  let filled = 0;
  for (const group of groups) {
    if (filled > 0 && filled + group.size > budget) {
      pages.push([]);
      filled = 0;
    }
    pages[pages.length - 1]!.push(group);
    filled += group.size;
  }
  const current = Math.min(Math.max(1, page), pages.length);
  return { groups: pages[current - 1]!, page: current, totalPages: pages.length };
}
