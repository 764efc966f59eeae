import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { Agent, createTestApp } from "../../../test/app.js";
import { deriveKey, seedKeyPair } from "./crypto.js";
import { whistleblowerKeyRing } from "./report-keys.js";
import { findReportByReceipt, whistleblowerKeys } from "./reports.js";
import { follow, officer, receiptIn, submitReportForm, validReport, whistleblowerReply } from "./testing.js";
import { QUICK_EXIT_URL } from "./views/parts.js";

const testApp = await createTestApp();
const { app, database, config, logs } = testApp;

const MARKER = "MARKER-7f3a9c-الرشوة";
const EXIF_MARKER = "ExifMarker-SecretPhone";
const BROWSER = "Mozilla/5.0 (Linux; Android 14) WhistlePhone/9.1";
const ADDRESS = "197.15.42.7";
const headers = { "user-agent": BROWSER, "x-forwarded-for": ADDRESS };

const SERIAL = "SN-7781-BODY-SERIAL";
const photo = () =>
  sharp({ create: { width: 60, height: 40, channels: 3, background: "#a73" } })
    .jpeg()
    .withExif({
      IFD0: { Make: "PhoneMaker", Model: EXIF_MARKER, Artist: MARKER },
      IFD2: { BodySerialNumber: SERIAL },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "36/1 48/1 30/1",
        GPSLongitudeRef: "E",
        GPSLongitude: "10/1 10/1 5/1",
      },
    })
    .toBuffer();

/** Every file under a folder, recursively. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)])),
  );
  return nested.flat();
}

/** Every stored file's bytes: in the database on PostgreSQL, under DATA_DIR/files on PGlite. */
async function storedFiles(): Promise<Array<{ key: string; bytes: Buffer }>> {
  if (database.kind === "postgres") {
    const rows = await database.query<{ key: string; data: Buffer }>("select key, data from stored_files");
    return rows.map((row) => ({ key: row.key, bytes: Buffer.from(row.data) }));
  }
  const paths = await filesUnder(join(config.dataDir, "files"));
  return Promise.all(paths.map(async (path) => ({ key: path, bytes: await readFile(path) })));
}

/** Every row of every table of the database, as text. */
async function dumpDatabase(): Promise<string> {
  const tables = await database.query<{ table_name: string }>(
    "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
  );
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const rows = await database.query<{ row: string }>(
      `select row_to_json(t)::text as row from "${table_name}" t`,
    );
    parts.push(...rows.map((r) => r.row));
  }
  return parts.join("\n");
}

describe("integrity: the public pages", () => {
  it("explains the protections, and the form works for anyone, with no cookie but the CSRF token", async () => {
    const page = await new Agent(app).get("/ar/integrity");
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toBe("no-store");
    expect(page.headers["referrer-policy"]).toBe("no-referrer");
    expect(page.body).toContain("القانون الأساسي عدد 10 لسنة 2017");
    const form = await new Agent(app).get("/en/integrity/report");
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('data-module="sh-proof-of-work"');
    expect(form.cookies.map((c) => c.name)).toEqual(["csrf"]);
    // No third-party resource: every src and href stays on this site (relative, or the site's own
    // address in the canonical and language links), but two plain links: "Exit this page", and the
    // footer's source code (AGPL-3.0 section 13), which the page's no-referrer policy leaves blind.
    const urls = [...form.body.matchAll(/(?:src|href)="([^"]+)"/g)].map(([, url]) => url!);
    const elsewhere = urls.filter(
      (url) => /^(https?:)?\/\//.test(url) && !url.startsWith(`${app.config.publicUrl}/`),
    );
    expect(elsewhere).toEqual([QUICK_EXIT_URL, app.config.SOURCE_URL]);
    // Nothing the browser loads by itself comes from elsewhere.
    const loaded = [...form.body.matchAll(/<(?:script|img|link)[^>]+(?:src|href)="([^"]+)"/g)].map(
      ([, u]) => u!,
    );
    expect(loaded.filter((url) => elsewhere.includes(url))).toEqual([]);
  });

  it("links the requests intake to the integrity channel", async () => {
    const page = await new Agent(app).get("/fr/requests/new");
    expect(page.body).toContain('href="/fr/integrity"');
  });
});

describe("integrity: a report, end to end", async () => {
  const salma = await officer(testApp);
  const whistleblower = new Agent(app);
  let receipt = "";

  it("files a report with an attachment and shows the receipt once, never in an address", async () => {
    const response = await submitReportForm(
      app,
      whistleblower,
      validReport({
        what: `Le chef de service a exigé un pot-de-vin. ${MARKER}`,
        identity: `Témoin ${MARKER}`,
      }),
      [{ name: "attachments", filename: `${MARKER}.jpg`, type: "image/jpeg", data: await photo() }],
      { headers },
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers.location).toBeUndefined();
    expect(response.headers["cache-control"]).toBe("no-store");
    expect(response.headers["referrer-policy"]).toBe("no-referrer");
    expect(response.cookies.filter((c) => c.name !== "csrf")).toEqual([]);
    receipt = receiptIn(response.body);
    expect(receipt).toMatch(/^\d{16}$/);
  });

  it("keeps no plaintext: the marker is in no table and no stored file; the stored receipt is only a hash", async () => {
    const dump = await dumpDatabase();
    expect(dump).toContain("integrity_receipt_salt"); // the dump did read the tables
    expect(dump).not.toContain(MARKER);
    expect(dump).not.toContain("pot-de-vin");
    expect(dump).not.toContain(receipt);
    expect(dump).not.toContain(EXIF_MARKER);
    const files = await storedFiles();
    expect(files.length).toBeGreaterThanOrEqual(2); // the sealed original and the clean copy
    for (const { key, bytes } of files) {
      for (const needle of [MARKER, EXIF_MARKER, "PhoneMaker", "JFIF", "Exif"])
        expect(bytes.includes(Buffer.from(needle)), `${needle} in ${key}`).toBe(false);
    }
    const [row] = await database.query<{ received_on: string; due_on: string }>(
      "select received_on::text, due_on::text from integrity_reports",
    );
    expect(row!.received_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("lets the addressed officer read it, with the identity, and open the evidence without metadata", async () => {
    const queue = await salma.agent.get("/fr/integrity/officer");
    expect(queue.statusCode).toBe(200);
    const id = /\/fr\/integrity\/officer\/reports\/([0-9a-f-]{36})/.exec(queue.body)![1]!;
    const page = await salma.agent.get(`/fr/integrity/officer/reports/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(MARKER);
    expect(page.body).toContain(`Témoin ${MARKER}`);
    const href = /href="(\/fr\/integrity\/officer\/reports\/[^"]+\/files\/[0-9a-f-]{36})"/.exec(
      page.body,
    )![1]!;
    const clean = await salma.agent.get(href);
    expect(clean.statusCode).toBe(200);
    expect(clean.headers["content-type"]).toBe("image/jpeg");
    expect((await sharp(clean.rawPayload).metadata()).exif).toBeUndefined();
    expect(clean.rawPayload.includes(Buffer.from(EXIF_MARKER))).toBe(false);
    // The sealed original keeps the very pixels sent, but no location and no device identifiers.
    const original = await salma.agent.get(`${href}?original=1`);
    expect(original.statusCode).toBe(200);
    const sent = await photo();
    expect((await sharp(sent).metadata()).exif?.includes(Buffer.from(SERIAL))).toBe(true);
    for (const needle of [SERIAL, EXIF_MARKER, "PhoneMaker", "GPS", "Exif"])
      expect(original.rawPayload.includes(Buffer.from(needle)), needle).toBe(false);
    expect((await sharp(original.rawPayload).metadata()).exif).toBeUndefined();
    expect(await sharp(original.rawPayload).raw().toBuffer()).toEqual(await sharp(sent).raw().toBuffer());
    const audit = await database.query<{ action: string; details: unknown }>(
      "select action, details::text from audit_events where subject_type = 'integrity_report'",
    );
    expect(audit.map((a) => a.action)).toEqual([
      "integrity.report.open",
      "integrity.attachment.open",
      "integrity.attachment.open",
    ]);
    expect(JSON.stringify(audit)).not.toContain(MARKER);
  });

  it("carries a two-way conversation: the officer asks, the whistleblower reads with the receipt and answers", async () => {
    const [{ id }] = (await database.query<{ id: string }>("select id from integrity_reports")) as [
      { id: string },
    ];
    await salma.agent.get(`/fr/integrity/officer/reports/${id}`);
    const question = "Avez-vous conservé une trace écrite de la demande ?";
    const sent = await salma.agent.post(`/fr/integrity/officer/reports/${id}/reply`, { message: question });
    expect(sent.statusCode).toBe(303);
    const page = await follow(new Agent(app), receipt);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(question);
    expect(page.body).toContain(MARKER);
    expect(page.body).not.toContain(`Témoin ${MARKER}`); // the identity is for officers only
    expect(page.body).toContain("En cours d’examen");
    const answer = "Oui, un SMS du 3 février.";
    const answered = await whistleblowerReply(app, new Agent(app), receipt, answer, [
      {
        name: "attachments",
        filename: "sms.png",
        type: "image/png",
        data: await sharp({ create: { width: 8, height: 8, channels: 3, background: "#000" } })
          .png()
          .toBuffer(),
      },
    ]);
    expect(answered.statusCode).toBe(200);
    expect(answered.body).toContain(answer);
    const officerView = await salma.agent.get(`/fr/integrity/officer/reports/${id}`);
    expect(officerView.body).toContain(answer);
    expect(await dumpDatabase()).not.toContain(answer);
  });

  it("accepts the receipt in Arabic-Indic digits and with spaces", async () => {
    const arabic = receipt.replace(/\d/g, (d) => "٠١٢٣٤٥٦٧٨٩"[Number(d)]!).replace(/(.{4})/g, "$1 ");
    const page = await follow(new Agent(app), arabic, "ar");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(MARKER);
  });

  it("never opens another report with a receipt", async () => {
    const other = receiptIn(
      (
        await submitReportForm(
          app,
          new Agent(app),
          validReport({ what: "Une autre affaire, sans rapport avec la première." }),
        )
      ).body,
    );
    const page = await follow(new Agent(app), other);
    expect(page.body).toContain("Une autre affaire");
    expect(page.body).not.toContain(MARKER);
    // And cryptographically: the first receipt's keys open none of the second report's keys.
    const second = (await findReportByReceipt(database.db, other))!;
    const first = (await findReportByReceipt(database.db, receipt))!;
    const firstKeys = await whistleblowerKeys(first, receipt);
    expect((await whistleblowerKeyRing(database.db, second.id, firstKeys)).size).toBe(0);
    const wrongSalt = seedKeyPair(await deriveKey(receipt, second.whistleblowerSalt));
    expect((await whistleblowerKeyRing(database.db, second.id, wrongSalt)).size).toBe(0);
  });

  it("wrote no address and no user agent in any log line of the whole flow", () => {
    const all = logs.join("\n");
    expect(all.length).toBeGreaterThan(0);
    for (const secret of [ADDRESS, "127.0.0.1", BROWSER, "WhistlePhone", receipt, MARKER])
      expect(all, secret).not.toContain(secret);
    // The whistleblower's routes write no access line at all (no time of submission in the logs).
    expect(all).not.toContain('"route":"/:lang/integrity/report"');
    expect(all).not.toContain('"route":"/:lang/integrity/follow"');
  });
});
