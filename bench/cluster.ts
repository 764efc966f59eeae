import { readFileSync } from "node:fs";
import { build, Cluster } from "../cluster/harness.js";
import { type LoadResult, runLoad } from "./lib/load.js";
import { cpuBusy, describeMachine, revision } from "./lib/machine.js";
import { fmt, markdownTable, note, textTable } from "./lib/table.js";

/**
 * Issue 17's figures: requests/s and CPU per request of one node, and of two nodes behind nginx, on
 * this machine, serving a public page (/ar/consultations) as production runs it (the compiled
 * server, NODE_ENV=production, PostgreSQL). The cluster is the cluster suite's (cluster/harness.ts).
 * Figures only: no budget. autocannon runs in this process, on the same cores as the servers.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/cluster.ts
 *
 * (a database sharek_cluster_<random> is made on that server and dropped at the end)
 */

const PAGE = "/ar/consultations";
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const serverUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
if (!serverUrl) {
  console.error(
    "Set DATABASE_URL to a PostgreSQL server (the bench makes and drops its own database there).",
  );
  process.exit(1);
}

/** CPU time (user + system) of processes, microseconds, from /proc (clock ticks of 10 ms). */
function cpuMicros(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone
    }
  }
  return ticks * 10_000;
}

/** nginx's master and its workers. */
function nginxPids(master: number): number[] {
  const children = readFileSync(`/proc/${master}/task/${master}/children`, "utf8").trim();
  return [master, ...children.split(/\s+/).filter(Boolean).map(Number)];
}

const busy = await cpuBusy();
const started = Date.now();
build();
console.log(`server built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
const cluster = new Cluster({ rateLimit: 1_000_000, serverUrl });
const rows: ReturnType<typeof note>[] = [];
try {
  await cluster.start();
  const nodePids = () => cluster.nodes.flatMap((n) => (n.process?.pid ? [n.process.pid] : []));
  const measure = async (label: string, port: number, withNginx: boolean) => {
    const pids = () => nodePids();
    const proxy = () => (withNginx && cluster.nginx?.pid ? nginxPids(cluster.nginx.pid) : []);
    let before = { nodes: 0, nginx: 0 };
    const result: LoadResult = await runLoad({
      url: `http://127.0.0.1:${port}${PAGE}`,
      connections: CONNECTIONS,
      // Long enough for a node that just started (JIT, its pool, its jobs' first runs) to settle.
      warmup: Number(process.env.BENCH_WARMUP ?? 5),
      server: {
        // runLoad samples before and after its measured window; the difference is the window's CPU.
        stats: async () => {
          const now = { nodes: cpuMicros(pids()), nginx: cpuMicros(proxy()) };
          if (before.nodes === 0) before = now;
          return { rss: 0, heapUsed: 0, cpuUser: now.nodes + now.nginx, cpuSystem: 0 };
        },
      },
    });
    const nginxCpu = cpuMicros(proxy()) - before.nginx;
    const nginxMs = result.requests > 0 ? nginxCpu / 1000 / result.requests : 0;
    rows.push(
      note(`${label}: requests/s`, result.rps.toFixed(0)),
      note(
        `${label}: CPU per request (nodes${withNginx ? " + nginx" : ""})`,
        `${fmt.msFine(result.serverCpuMsPerRequest ?? Number.NaN)}${withNginx ? ` (nginx ${fmt.msFine(nginxMs)})` : ""}`,
      ),
      note(`${label}: p50 / p99 latency`, `${fmt.ms(result.latency.p50)} / ${fmt.ms(result.latency.p99)}`),
      note(`${label}: errors`, String(result.errors)),
    );
  };
  // The nodes' first job runs (pg-boss's maintenance, the insights refresh) happen in their first seconds.
  await new Promise((r) => setTimeout(r, 15_000));
  await measure("two nodes behind nginx", cluster.nginxPort, true);
  const a = cluster.node("a").port;
  await cluster.stopNode("b");
  await measure("one node behind nginx", cluster.nginxPort, true);
  await measure("one node, direct", a, false);
  // Again with both nodes, last, so the order of the runs does not decide the comparison.
  await cluster.startNode("b");
  await new Promise((r) => setTimeout(r, 15_000));
  await measure("two nodes behind nginx, again", cluster.nginxPort, true);
} finally {
  await cluster.stop();
}

console.log(
  `\n${describeMachine()}, revision ${revision()}; CPU busy with other work before: ${(busy * 100).toFixed(0)} %`,
);
console.log(`GET ${PAGE}, ${CONNECTIONS} connections, autocannon in the same machine\n`);
console.log(textTable(rows));
console.log(`\n${markdownTable(rows)}`);
