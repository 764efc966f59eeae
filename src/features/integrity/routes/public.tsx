import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { readUpload } from "../../../core/security/uploads.js";
import { addMessage } from "../commands/add-message.js";
import { submitReport } from "../commands/submit-report.js";
import { normalizeReceipt } from "../crypto.js";
import { canReceive, reportDestinations } from "../officers.js";
import { whistleblowerKeyRing } from "../report-keys.js";
import { findReportByReceipt, LIMITS, type ReportInput, readReport, whistleblowerKeys } from "../reports.js";
import { clientKey, newChallenge, spendChallenge, WindowCounter } from "../throttle.js";
import { FollowFormPage } from "../views/follow-form-page.js";
import { IntegrityHomePage } from "../views/home-page.js";
import { ReceiptPage } from "../views/receipt-page.js";
import { ReportFormPage } from "../views/report-form-page.js";
import { WhistleblowerReportPage } from "../views/whistleblower-report-page.js";

/** Wrong receipts allowed to one client in RECEIPT_WINDOW before it must wait. */
export const RECEIPT_TRIES = 10;
const RECEIPT_WINDOW = 15 * 60_000;
/**
 * Without a proof of work (JavaScript off): a few accepted reports per client in a window. Only
 * accepted reports count, and there is no ceiling shared by everyone, so nobody can jam the lane.
 */
export const SLOW_LANE = { perClient: 3, windowMs: 10 * 60_000 };

/**
 * The whistleblower's side: no account, no cookie but the CSRF token, nothing about the visitor
 * stored or logged (these routes write no access log lines at all), pages never cached.
 */
export const whistleblowerRoutes: FastifyPluginAsync = async (app) => {
  const { config } = app;
  const quiet = { logLevel: "warn" as const };
  const receiptFailures = new WindowCounter(app.counters, "integrity-receipt", RECEIPT_TRIES, RECEIPT_WINDOW);
  const slowLane = new WindowCounter(app.counters, "integrity-slow", SLOW_LANE.perClient, SLOW_LANE.windowMs);
  const client = (request: FastifyRequest) => clientKey(config.cookieSecret, request.ip);

  const formPage = async (
    reply: FastifyReply,
    props: Partial<Parameters<typeof ReportFormPage>[0]>,
    status = 200,
  ) => {
    const destinations = await reportDestinations(app.db);
    return reply.render(
      <ReportFormPage destinations={destinations} challenge={newChallenge(config.cookieSecret)} {...props} />,
      status,
    );
  };

  /** The two posts that carry evidence: a report, and a whistleblower's answer. Rate-limited per client. */
  const withEvidence = {
    ...quiet,
    config: {
      rateLimit: { max: config.SUBMISSION_RATE_LIMIT, timeWindow: 60_000, keyGenerator: client },
      upload: { maxFileSize: LIMITS.attachmentBytes, maxFiles: LIMITS.attachments },
    },
  };

  app.get("/integrity", quiet, async (_request, reply) => {
    const open = canReceive(await reportDestinations(app.db));
    return reply.render(<IntegrityHomePage open={open} />);
  });

  app.get("/integrity/report", quiet, async (_request, reply) => formPage(reply, {}));

  app.post("/integrity/report", withEvidence, async (request, reply) => {
    const { fields, files } = await readUpload(request);
    const input = fields as ReportInput;
    // A solved challenge takes the ordinary lane; without one (JavaScript off), the slow lane.
    const slowKey = (await spendChallenge(app.counters, config.cookieSecret, fields.challenge, fields.pow))
      ? null
      : client(request);
    if (slowKey) {
      const wait = await slowLane.wait(slowKey);
      if (wait > 0) return formPage(reply, { values: input, throttled: wait }, 429);
    }
    const result = await submitReport(
      { db: app.db, files: app.files },
      input,
      files.filter((f) => f.field === "attachments"),
    );
    if (!result.ok) return formPage(reply, { values: input, errors: result.errors }, 422);
    if (slowKey) await slowLane.hit(slowKey);
    return reply.render(<ReceiptPage receipt={result.value.receipt} />);
  });

  app.get("/integrity/follow", quiet, async (_request, reply) => reply.render(<FollowFormPage />));

  /** The report a receipt opens, or the page to answer with when it opens none (or must wait). */
  async function withReceipt(request: FastifyRequest, reply: FastifyReply, typed: string | undefined) {
    const key = client(request);
    const wait = await receiptFailures.wait(key);
    if (wait > 0) {
      reply.header("retry-after", String(wait));
      await reply.render(<FollowFormPage throttled={wait} />, 429);
      return null;
    }
    const receipt = normalizeReceipt(typed);
    const report = receipt ? await findReportByReceipt(app.db, receipt) : null;
    if (!receipt || !report) {
      await receiptFailures.hit(key);
      await reply.render(<FollowFormPage error="integrity.errors.receiptWrong" />, 422);
      return null;
    }
    const ring = await whistleblowerKeyRing(app.db, report.id, await whistleblowerKeys(report, receipt));
    return { receipt, report, ring };
  }

  app.post("/integrity/follow", quiet, async (request, reply) => {
    const { receipt: typed } = (request.body ?? {}) as { receipt?: string };
    const opened = await withReceipt(request, reply, typed);
    if (!opened) return reply;
    const view = await readReport(app.db, opened.report, opened.ring, { identity: false });
    return reply.render(<WhistleblowerReportPage view={view} receipt={opened.receipt} />);
  });

  // Answers come back on the same page (200), never through a redirect: the receipt must not
  // travel in an address, and there is no session to carry it.
  app.post("/integrity/follow/reply", withEvidence, async (request, reply) => {
    const { fields, files } = await readUpload(request);
    const opened = await withReceipt(request, reply, fields.receipt);
    if (!opened) return reply;
    const { report, ring, receipt } = opened;
    const result =
      report.status === "closed"
        ? ({ ok: false, errors: { message: { key: "integrity.errors.closed" } } } as const)
        : await addMessage(
            { db: app.db, files: app.files },
            report,
            "whistleblower",
            { message: fields.message },
            files.filter((f) => f.field === "attachments"),
          );
    const view = await readReport(app.db, report, ring, { identity: false });
    if (!result.ok)
      return reply.render(
        <WhistleblowerReportPage view={view} receipt={receipt} errors={result.errors} values={fields} />,
        422,
      );
    return reply.render(<WhistleblowerReportPage view={view} receipt={receipt} sent />);
  });
};
