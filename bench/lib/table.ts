/** Figures against their budgets, printed to the terminal and written to RESULTS.md. */

export type Verdict = "pass" | "FAIL" | "info";

export interface Row {
  figure: string;
  measured: string;
  budget: string;
  verdict: Verdict;
  /** What the pass/fail column shows, when not the verdict itself. */
  shown?: string;
}

export interface Check {
  figure: string;
  value: number;
  /** How to print the value (default: as is). */
  format?: (value: number) => string;
  /** The value must be ≤ max … */
  max?: number;
  /** … and/or ≥ min. */
  min?: number;
  /** Printed against its budget but never failing (e.g. a PostgreSQL budget measured on PGlite). */
  informational?: boolean;
}

/** A row comparing one figure to its budget. A NaN value fails. */
export function check({ figure, value, format = String, max, min, informational }: Check): Row {
  const budget = [min !== undefined ? `≥ ${format(min)}` : "", max !== undefined ? `≤ ${format(max)}` : ""]
    .filter(Boolean)
    .join(" and ");
  const ok =
    !Number.isNaN(value) && (max === undefined || value <= max) && (min === undefined || value >= min);
  const measured = Number.isNaN(value) ? "n/a" : format(value);
  const row: Row = { figure, measured, budget: budget || "—", verdict: ok ? "pass" : "FAIL" };
  if (informational) return { ...row, verdict: "info", shown: `info (would ${ok ? "pass" : "fail"})` };
  return row;
}

/** A row with no budget: context for the figures around it. */
export function note(figure: string, measured: string): Row {
  return { figure, measured, budget: "—", verdict: "info", shown: "—" };
}

export function failed(rows: readonly Row[]): Row[] {
  return rows.filter((r) => r.verdict === "FAIL");
}

const HEAD = ["figure", "measured", "budget", "pass/fail"];

function cells(row: Row): string[] {
  return [row.figure, row.measured, row.budget, row.shown ?? row.verdict];
}

/** A plain-text table for the terminal. */
export function textTable(rows: readonly Row[]): string {
  const all = [HEAD, ...rows.map(cells)];
  const widths = HEAD.map((_, i) => Math.max(...all.map((r) => [...r[i]!].length)));
  const line = (r: string[]) => r.map((c, i) => c + " ".repeat(widths[i]! - [...c].length)).join("  ");
  return [line(HEAD), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map((r) => line(cells(r)))].join(
    "\n",
  );
}

/** A Markdown table for RESULTS.md. */
export function markdownTable(rows: readonly Row[]): string {
  const escapePipes = (c: string) => c.replaceAll("|", "\\|");
  return [
    `| ${HEAD.join(" | ")} |`,
    "|---|--:|--:|---|",
    ...rows.map((r) => `| ${cells(r).map(escapePipes).join(" | ")} |`),
  ].join("\n");
}

// Number formats shared by the benches.
export const fmt = {
  int: (n: number) => Math.round(n).toLocaleString("en-US"),
  rps: (n: number) => `${Math.round(n).toLocaleString("en-US")} req/s`,
  ms: (n: number) => `${n.toLocaleString("en-US", { maximumFractionDigits: 1 })} ms`,
  /** Small durations such as CPU time per request. */
  msFine: (n: number) => `${n.toFixed(3)} ms`,
  bytes: (n: number) => `${Math.round(n).toLocaleString("en-US")} B`,
  kb: (n: number) => `${(n / 1024).toFixed(1)} KB`,
  mb: (n: number) => `${(n / 1024 ** 2).toFixed(0)} MB`,
  ratio: (n: number) => n.toFixed(2),
  percent: (n: number) => (Number.isNaN(n) ? "n/a" : `${Math.round(n * 100)}%`),
};
