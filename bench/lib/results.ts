import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BENCH_DIR } from "./app-env.js";

/**
 * bench/RESULTS.md keeps the latest run of every benchmark: one "## <area>" section per benchmark
 * (Platform, Request submissions, …), optionally split into "### <subsection>" (one per database
 * engine, say). A run replaces only its own section or subsection and leaves the others alone.
 */

export const RESULTS_FILE = join(BENCH_DIR, "RESULTS.md");

const PREAMBLE = `# Benchmark results

Latest runs of the benchmarks in \`bench/\`, against the performance budgets of \`docs/architecture.md\`.
Each benchmark rewrites only its own section (\`## <area>\`), so run one without losing the others.
`;

interface Block {
  /** Index of the heading line. */
  start: number;
  /** Index just past the block's last line. */
  end: number;
}

/** Heading levels of each line, ignoring lines inside fenced code blocks. */
function headingLevels(lines: readonly string[]): Array<{ level: number; title: string } | null> {
  let fenced = false;
  return lines.map((line) => {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) return null;
    const m = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    return m ? { level: m[1]!.length, title: m[2]! } : null;
  });
}

function findBlock(lines: readonly string[], level: number, title: string, from = 0, to = lines.length) {
  const levels = headingLevels(lines);
  for (let i = from; i < to; i++) {
    const h = levels[i];
    if (!h || h.level !== level || h.title !== title) continue;
    let end = i + 1;
    while (end < to && !(levels[end] && levels[end]!.level <= level)) end++;
    return { start: i, end } satisfies Block;
  }
  return undefined;
}

function trimBlank(lines: string[]): string[] {
  let a = 0;
  let b = lines.length;
  while (a < b && lines[a]!.trim() === "") a++;
  while (b > a && lines[b - 1]!.trim() === "") b--;
  return lines.slice(a, b);
}

export interface SectionUpdate {
  /** "## <area>" title, e.g. "Platform". */
  area: string;
  /** "### <subsection>" title inside the area, e.g. "PostgreSQL"; without it the whole area is replaced. */
  subsection?: string;
  /** Markdown under the heading (without the heading itself). */
  body: string;
  /** Text placed under "## <area>" when the area is created for a subsection. */
  intro?: string;
}

/** Returns `markdown` with one section (or subsection) replaced, or appended when missing. */
export function replaceSection(markdown: string, update: SectionUpdate): string {
  const lines = (markdown.trim() === "" ? PREAMBLE : markdown).replace(/\s+$/, "").split("\n");
  const body = update.body.replace(/\s+$/, "").split("\n");
  const area = findBlock(lines, 2, update.area);

  const block = (level: number, title: string, content: string[]) => [
    `${"#".repeat(level)} ${title}`,
    "",
    ...content,
    "",
  ];

  if (!update.subsection) {
    const replacement = block(2, update.area, body);
    if (!area) return `${[...lines, "", ...replacement].join("\n").replace(/\s+$/, "")}\n`;
    lines.splice(area.start, area.end - area.start, ...replacement);
    return `${lines.join("\n").replace(/\s+$/, "")}\n`;
  }

  const sub = block(3, update.subsection, body);
  if (!area) {
    const intro = update.intro ? [update.intro.trim(), ""] : [];
    const created = block(2, update.area, [...intro, ...sub]);
    return `${[...lines, "", ...created].join("\n").replace(/\s+$/, "")}\n`;
  }
  const existing = findBlock(lines, 3, update.subsection, area.start + 1, area.end);
  if (existing) {
    lines.splice(existing.start, existing.end - existing.start, ...sub);
  } else {
    const content = trimBlank(lines.slice(area.start + 1, area.end));
    lines.splice(area.start, area.end - area.start, ...block(2, update.area, [...content, "", ...sub]));
  }
  return `${lines.join("\n").replace(/\s+$/, "")}\n`;
}

/** Replaces (or adds) one section of bench/RESULTS.md. */
export function writeResultsSection(update: SectionUpdate, file = RESULTS_FILE): void {
  const current = existsSync(file) ? readFileSync(file, "utf8") : "";
  writeFileSync(file, replaceSection(current, update));
}
