import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../e2e/browser.js";
import { benchAppEnv, databaseEngine, makeTempDir } from "./lib/app-env.js";
import { type ChildServer, startChild } from "./lib/child-server.js";
import { percentile } from "./lib/load.js";
import { cpuBusy, describeMachine, machine, revision } from "./lib/machine.js";
import { writeResultsSection } from "./lib/results.js";
import { check, failed, fmt, markdownTable, note, type Row, textTable } from "./lib/table.js";
import type { PlatformServers } from "./serve.js";

/**
 * `npx tsx bench/phone.ts`: what a person on a cheap phone sees (issue 26). Debian's Chromium loads
 * the Arabic home page, the bench consultation (5,000 comments, the page bench/run.ts measures) and
 * the request form on a 390 × 844 touch screen, throttled through the DevTools protocol to
 * 400 kbit/s down and up, 400 ms round trip and a CPU 4× slower. Each page is loaded BENCH_PHONE_RUNS
 * times (5), each in a fresh browser context (cold cache); FCP and LCP are read from the page once
 * `load` has fired and a second has passed. Budget: the median LCP of each page ≤ 2.5 s.
 * Writes the "Phone" section of bench/RESULTS.md (one subsection per database engine).
 */

const RUNS = Number(process.env.BENCH_PHONE_RUNS ?? 5);
const LCP_BUDGET_MS = 2500;
const KBIT = 1000 / 8;
/** Network.emulateNetworkConditions: throughputs in bytes/s, latency (added round trip) in ms. */
const NETWORK = {
  offline: false,
  latency: 400,
  downloadThroughput: 400 * KBIT,
  uploadThroughput: 400 * KBIT,
};
const CPU_SLOWDOWN = 4;
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
/** After `load`, time for the last paint to land before LCP is read. */
const SETTLE_MS = 1000;

interface Load {
  fcp: number;
  lcp: number;
  /** Bytes over the wire (headers included, compressed), every request of the page. */
  bytes: number;
  requests: number;
  /** The LCP element, e.g. "h1.sh-hero__title". */
  element: string;
}

/** One cold load of `url`: a new context (empty cache), throttled, then FCP and LCP from the page. */
async function coldLoad(browser: Browser, url: string): Promise<Load> {
  const context = await browser.newContext({ ...PHONE, locale: "ar-TN" });
  try {
    const page = await context.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", NETWORK);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
    let bytes = 0;
    let requests = 0;
    cdp.on("Network.loadingFinished", (event) => {
      bytes += event.encodedDataLength;
      requests++;
    });
    const response = await page.goto(url, { waitUntil: "load", timeout: 120_000 });
    if (response?.status() !== 200) throw new Error(`${url} answered ${response?.status()}`);
    await page.waitForTimeout(SETTLE_MS);
    // No named functions in here: tsx would wrap them in a helper the page does not have.
    const paints = await page.evaluate(() =>
      new Promise<PerformanceEntryList>((resolve) => {
        // Buffered: every LCP candidate so far arrives at once; the last one is the LCP.
        new PerformanceObserver((list) => resolve(list.getEntries())).observe({
          type: "largest-contentful-paint",
          buffered: true,
        });
        setTimeout(() => resolve([]), 2000);
      }).then((entries) => {
        const last = entries.at(-1) as (PerformanceEntry & { element?: Element | null }) | undefined;
        const element = last?.element;
        return {
          fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN,
          lcp: last?.startTime ?? Number.NaN,
          element: element
            ? `${element.localName}${element.classList.length ? `.${element.classList.item(0)}` : ""}`
            : "?",
        };
      }),
    );
    await cdp.detach();
    return { ...paints, bytes, requests };
  } finally {
    await context.close();
  }
}

const engineName = databaseEngine();
const host = machine();
const code = revision();
const started = new Date();
const busyBefore = await cpuBusy();
const method = (chromium: string) =>
  `Chromium ${chromium}, ${PHONE.viewport.width} × ${PHONE.viewport.height} at ×${PHONE.deviceScaleFactor}, touch; ` +
  `${NETWORK.downloadThroughput / KBIT} kbit/s down and ${NETWORK.uploadThroughput / KBIT} kbit/s up, ` +
  `${NETWORK.latency} ms round trip, CPU ${CPU_SLOWDOWN}× slower (DevTools protocol); ` +
  `${RUNS} cold loads per page (BENCH_PHONE_RUNS), each in a fresh browser context`;
console.log(`Phone bench of ${code} on ${engineName}: ${describeMachine(host)}`);

const tmp = makeTempDir("phone");
let server: ChildServer<PlatformServers> | undefined;
let browser: Browser | undefined;
let engineLabel: string = engineName;
let described = method("(not started)");
const rows: Row[] = [];
let fatal: string | undefined;
try {
  // The platform bench's server, demo data and all: the consultation page is the one run.ts measures.
  server = await startChild<PlatformServers>(fileURLToPath(new URL("./serve.ts", import.meta.url)), {
    env: benchAppEnv(tmp.path, { SEED_DEMO: "true" }),
  });
  const { appUrl, engine } = server.info;
  engineLabel = engine.label;
  const consultation = server.info.pages.consultation!;
  const pages: Array<[string, string]> = [
    ["home", "/ar"],
    ["consultation (5,000 comments)", consultation],
    ["request form", "/ar/requests/new?type=complaint&structure=mun-tn-11"],
  ];
  browser = await launchBrowser();
  described = method(browser.version());
  console.log(`Database: ${engine.label}\n${described}\n`);

  for (const [name, path] of pages) {
    const loads: Load[] = [];
    for (let i = 0; i < RUNS; i++) {
      const load = await coldLoad(browser, `${appUrl}${path}`);
      console.log(
        `  ${name} #${i + 1}: FCP ${fmt.ms(load.fcp)}, LCP ${fmt.ms(load.lcp)} (${load.element}), ` +
          `${fmt.kb(load.bytes)} in ${load.requests} requests`,
      );
      loads.push(load);
    }
    const median = (f: (l: Load) => number) => percentile(loads.map(f), 50);
    const worst = (f: (l: Load) => number) => Math.max(...loads.map(f));
    const shown = `GET ${path.replace(/[0-9a-f-]{36}/, ":id")}`;
    rows.push(
      check({
        figure: `${name}, ${shown}: LCP, median of ${RUNS}`,
        value: median((l) => l.lcp),
        max: LCP_BUDGET_MS,
        format: fmt.ms,
      }),
      note(`${name}: LCP worst; LCP element`, `${fmt.ms(worst((l) => l.lcp))}; ${loads.at(-1)!.element}`),
      note(`${name}: FCP median, worst`, `${fmt.ms(median((l) => l.fcp))}, ${fmt.ms(worst((l) => l.fcp))}`),
      note(
        `${name}: transferred (median), requests`,
        `${fmt.kb(median((l) => l.bytes))}, ${median((l) => l.requests)}`,
      ),
    );
  }
} catch (error) {
  fatal = error instanceof Error ? error.message : String(error);
} finally {
  await browser?.close();
  await server?.stop();
  tmp.remove();
}

console.log(`\n${textTable(rows)}\n`);
console.log(`Machine: ${describeMachine(host)}`);
console.log(`Database: ${engineLabel}`);
const warning =
  busyBefore > 0.25
    ? `the machine was busy (${fmt.percent(busyBefore)} of its CPU used by other processes at the start): the timings may be pessimistic`
    : undefined;
if (warning) console.log(`Warning: ${warning}`);
if (fatal) {
  console.error(`\nThe bench could not finish: ${fatal}\nbench/RESULTS.md is left as it was.`);
  process.exit(1);
}

writeResultsSection({
  area: "Phone",
  subsection: engineName,
  intro:
    "`npx tsx bench/phone.ts`: what a person on a cheap phone sees of the Arabic home page, the bench " +
    "consultation (5,000 comments) and the request form, in Debian's Chromium throttled through the " +
    "DevTools protocol. FCP and LCP are read from the page (paint and largest-contentful-paint entries) " +
    `a second after \`load\`. Budget (issue 26): median LCP ≤ ${LCP_BUDGET_MS / 1000} s on each page.`,
  body: [
    `${started.toISOString().replace(/\.\d+Z$/, "Z")} · code ${code} · ${engineLabel} · ${describeMachine(host)} (${fmt.percent(busyBefore)} of the CPU used by other processes at the start, load average ${host.loadAverage}).`,
    `${described}; the app in a separate process on the same machine, with the demo data.`,
    "",
    markdownTable(rows),
    ...(warning ? ["", `- Warning: ${warning}`] : []),
  ].join("\n"),
});
console.log("Written to bench/RESULTS.md");

const failures = failed(rows);
if (failures.length > 0) {
  console.error(`\n${failures.length} budget(s) failed.`);
  process.exit(1);
}
