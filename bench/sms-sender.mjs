/**
 * The SMS bench's sender (bench/sms.ts starts it): the compiled build's sender and SMPP link, run as
 * the server runs them in production (plain Node, the serve script's V8 flags, no TypeScript loader),
 * draining the outbox until nothing is pending or being sent, and printing its RSS each second.
 * Settings from the environment: DATABASE_URL (else PGlite in DATA_DIR), SMPP_URL, BENCH_SMS_RATE,
 * BENCH_SMS_WINDOW.
 */
import { parseSmppUrl } from "../dist/src/config.js";
import { inboundHandlers, SmsSender } from "../dist/src/core/sms/sender.js";
import { SmppLink } from "../dist/src/core/sms/smpp-link.js";
import { openDatabase } from "../dist/src/db/client.js";

const rate = Number(process.env.BENCH_SMS_RATE);
const window = Number(process.env.BENCH_SMS_WINDOW);
const database = await openDatabase({
  DATABASE_URL: process.env.DATABASE_URL ?? "",
  DATABASE_POOL_MAX: 5,
  dataDir: process.env.DATA_DIR,
});
const log = { info: () => {}, error: (d, m) => console.error(m, JSON.stringify(d)) };
const link = new SmppLink(parseSmppUrl(process.env.SMPP_URL, rate), inboundHandlers(database.db, log));
// A lease longer than a claim waits for its turn here, so only the killed sender's claims expire.
const sender = new SmsSender(database.db, link, { rate, window, leaseSeconds: 20 }, log);
link.start();
sender.start();
for (;;) {
  await new Promise((r) => setTimeout(r, 1000));
  const [row] = await database.query(
    "select count(*)::int as left from sms_messages where status in ('pending', 'sending')",
  );
  console.log(
    JSON.stringify({ rssMb: Math.round(process.memoryUsage().rss / 1e6), sent: sender.sent, left: row.left }),
  );
  if (row.left === 0) break;
}
await sender.stop();
await database.close();
