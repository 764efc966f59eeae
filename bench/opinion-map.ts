import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { computeOpinionMap, type OpinionMapInput } from "../src/features/opinion-map/math/compute.js";
import { syntheticVotes } from "../src/features/opinion-map/math/synthetic.js";
import { cpuBusy, describeMachine, machine, revision } from "./lib/machine.js";
import { writeResultsSection } from "./lib/results.js";
import { check, failed, fmt, markdownTable, note, type Row, textTable } from "./lib/table.js";

/**
 * `npx tsx bench/opinion-map.ts`: the opinion map's recompute (issue 11). 10,000 participants × 500
 * statements at 30% vote density recompute in ≤ 2 s on one core (the maths is single-threaded: the
 * CPU time of this process is the figure), and 100,000 participants stay within 1 GB RSS (measured
 * in a fresh child process, whose peak RSS includes Node and tsx). Writes the "Opinion map" section
 * of bench/RESULTS.md.
 */

const TIME_BUDGET_S = 2;
const RSS_BUDGET = 1024 ** 3;
const STATEMENTS = 500;
const DENSITY = 0.3;
const RUNS = Number(process.env.BENCH_ROUNDS ?? 3);

function input(participants: number): OpinionMapInput {
  const log = syntheticVotes({ participants, statements: STATEMENTS, density: DENSITY, camps: 4, seed: 42 });
  return {
    participants: Array.from({ length: participants }, (_, i) => `participant-${i}`),
    statements: Array.from({ length: STATEMENTS }, (_, j) => `statement-${j}`),
    votes: { participant: log.participant, statement: log.statement, vote: log.vote },
  };
}

interface Timing {
  wallS: number;
  cpuS: number;
  groups: number;
  included: number;
}

function timeRecompute(data: OpinionMapInput, state: Parameters<typeof computeOpinionMap>[1] = null) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const out = computeOpinionMap(data, state);
  const wallS = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return {
    out,
    timing: {
      wallS,
      cpuS: (cpu.user + cpu.system) / 1e6,
      groups: out.result.groups.length,
      included: out.result.included.length,
    },
  };
}

// The child: one recompute of 100,000 participants, then its peak RSS as JSON on stdout.
if (process.argv[2] === "--child") {
  const data = input(Number(process.argv[3]));
  const { timing } = timeRecompute(data);
  console.log(JSON.stringify({ ...timing, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
  process.exit(0);
}

const host = machine();
const code = revision();
const busy = await cpuBusy();
console.log(
  `Opinion map bench of ${code}: ${describeMachine(host)}; other processes use ${fmt.percent(busy)} of the CPU`,
);

const medium = input(10_000);
const timings: Timing[] = [];
let last: ReturnType<typeof timeRecompute>["out"] | null = null;
for (let run = 0; run < RUNS; run++) {
  const { out, timing } = timeRecompute(medium);
  timings.push(timing);
  last = out;
  console.log(
    `10,000 × 500, run ${run + 1}: ${timing.wallS.toFixed(3)} s wall, ${timing.cpuS.toFixed(3)} s CPU`,
  );
}
const update = last ? timeRecompute(medium, last.state).timing : null;
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const cpuMedian = median(timings.map((t) => t.cpuS));
const wallMedian = median(timings.map((t) => t.wallS));

const script = fileURLToPath(import.meta.url);
const child = JSON.parse(
  execFileSync(process.execPath, ["--import", "tsx", script, "--child", "100000"], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  })
    .trim()
    .split("\n")
    .pop() as string,
) as Timing & { maxRssBytes: number };
console.log(`100,000 × 500: ${child.wallS.toFixed(3)} s wall, peak RSS ${fmt.mb(child.maxRssBytes)}`);

const s = (n: number) => `${n.toFixed(2)} s`;
const rows: Row[] = [
  check({
    figure: "10,000 × 500 at 30%: recompute, CPU time (median)",
    value: cpuMedian,
    format: s,
    max: TIME_BUDGET_S,
  }),
  note("10,000 × 500 at 30%: recompute, wall clock (median)", s(wallMedian)),
  note(
    "10,000 × 500: included participants, groups",
    `${fmt.int(timings[0]?.included ?? 0)}, ${timings[0]?.groups ?? 0}`,
  ),
  ...(update ? [note("10,000 × 500: update from the stored state, CPU time", s(update.cpuS))] : []),
  check({
    figure: "100,000 × 500 at 30%: peak RSS of the process",
    value: child.maxRssBytes,
    format: fmt.mb,
    max: RSS_BUDGET,
  }),
  note("100,000 × 500: recompute, CPU time / wall clock", `${s(child.cpuS)} / ${s(child.wallS)}`),
];
console.log(`\n${textTable(rows)}`);

const when = new Date().toISOString().replace(/\.\d+Z$/, "Z");
writeResultsSection({
  area: "Opinion map",
  body: [
    "`npx tsx bench/opinion-map.ts`: one recompute of the opinion map (vote matrix, PCA, base clusters, groups, repness, " +
      "consensus, priorities) over a synthetic conversation of 500 statements in four opinion camps, 30% of the matrix voted. " +
      "Budgets (issue 11): 10,000 participants in ≤ 2 s on one core (the maths is single-threaded; the figure is this process's " +
      "CPU time), and 100,000 participants within 1 GB RSS (a fresh child process: Node, tsx, the votes and the computation).",
    "",
    `${when} · code ${code} · ${describeMachine(host)} (load average ${host.loadAverage} at the start; other processes used ${fmt.percent(busy)} of the CPU: the machine is shared, so wall-clock figures are pessimistic).`,
    `${RUNS} runs from scratch at 10,000 participants; the vote log is generated before the clock starts.`,
    "",
    markdownTable(rows),
  ].join("\n"),
});
if (failed(rows).length > 0) process.exitCode = 1;
