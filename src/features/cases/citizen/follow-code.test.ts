import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { Agent, createTestApp, TEST_COOKIE_SECRET } from "../../../../test/app.js";
import { mailsTo } from "../../../../test/mail.js";
import { sendRequestForm } from "../../../../test/request-form.js";
import { roleMatrix } from "../../../../test/role-matrix.js";
import { sha256 } from "../../../core/auth/secrets.js";
import { followPinFor, followPinHash, formatPin, parseFollowCode } from "../follow-code.js";
import { cases } from "../tables.js";
import { insertCase } from "../workspace/testing.js";
import { FOLLOW_CODE_TRIES } from "./follow-code-routes.js";

const testApp = await createTestApp();
const { app, database } = testApp;
const db = database.db;

/** A request with a follow-up link and a follow code, as submitCase files it. */
async function requestWithCode(fields: Parameters<typeof insertCase>[1] = {}) {
  const token = randomBytes(32).toString("base64url");
  const pin = followPinFor(TEST_COOKIE_SECRET, token);
  const row = await insertCase(db, {
    anonymous: true,
    contactName: null,
    contactEmail: null,
    followTokenHash: sha256(token),
    followPinHash: followPinHash(TEST_COOKIE_SECRET, sha256(token), pin),
    subject: `Trottoir effondré ${token.slice(0, 6)}`,
    ...fields,
  });
  return { row, token, pin };
}

const toArabicDigits = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));

/** Posts the follow form from an address of its own (each test counts its own failures). */
async function postCode(agent: Agent, ip: string, form: Record<string, string>, lang = "fr") {
  const page = await agent.get(`/${lang}/requests/follow`);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
  const response = await app.inject({
    method: "POST",
    url: `/${lang}/requests/follow`,
    remoteAddress: ip,
    headers: { cookie: agent.cookieHeader(), "content-type": "application/x-www-form-urlencoded" },
    payload: new URLSearchParams({ _csrf: csrf, ...form }).toString(),
  });
  const grant = (response.cookies as Array<{ name: string; value: string }>).find(
    (c) => c.name === "case_follow",
  );
  if (grant) agent.setCookie(grant.name, grant.value);
  return response;
}

/** Files a request without an account: anonymous, or with only an e-mail address to answer to. */
async function fileAnonymously(agent: Agent, contact: Record<string, string> = { contactMode: "anonymous" }) {
  const response = await sendRequestForm(app, agent, "ar", {
    type: "complaint",
    structure: "mun-tn-11",
    subject: "رصيف منهار أمام المدرسة",
    description: "الرصيف منهار أمام المدرسة الابتدائية منذ شهر، والأطفال يمشون في الطريق.",
    governorate: "TN-11",
    ...contact,
  });
  expect(response.statusCode).toBe(303);
  return response.headers.location as string;
}

describe("keeping an anonymous request's follow-up safe", () => {
  it("shows, once sent, the unbroken reference, the follow code, the link to copy and a printable receipt", async () => {
    const agent = new Agent(app);
    const location = await fileAnonymously(agent);
    const token = /\/requests\/follow\/([^?]+)/.exec(location)![1]!;
    const page = await agent.get(location);
    expect(page.statusCode).toBe(200);
    const reference = /EC-\d{4}-\d{6}/.exec(page.body)![0];
    const pin = followPinFor(TEST_COOKIE_SECRET, token);
    expect(page.body).toContain(`<bdi class="sh-ref" dir="ltr">${reference}</bdi>`);
    expect(page.body).toContain(`${pin.slice(0, 4)} ${pin.slice(4)}`);
    expect(page.body).toMatch(/class="sh-link sh-case-keep__link"[^>]*>http[^<]+\/ar\/requests\/follow\//);
    expect(page.body).toContain('data-module="sh-copy"');
    expect(page.body).toContain('aria-live="polite"');
    expect(page.body).toContain(`href="/ar/requests/follow/${token}/receipt"`);
    // The receipt: reference, follow code and link, on a page that works without JavaScript.
    const receipt = await agent.get(`/ar/requests/follow/${token}/receipt`);
    expect(receipt.statusCode).toBe(200);
    expect(receipt.headers["cache-control"]).toBe("no-store");
    expect(receipt.headers["referrer-policy"]).toBe("no-referrer");
    expect(receipt.body).toContain(reference);
    expect(receipt.body).toContain(`${pin.slice(0, 4)} ${pin.slice(4)}`);
    expect(receipt.body).toContain(`/ar/requests/follow/${token}</a>`);
    expect(receipt.body).toContain('data-module="sh-print"');
    expect((await agent.get("/ar/requests/follow/not-a-token/receipt")).statusCode).toBe(404);
    // And the follow code opens it.
    const opened = await postCode(new Agent(app), "192.0.2.90", { reference, pin }, "ar");
    expect(opened.statusCode).toBe(303);
  });

  it("keeps requests filed before follow codes working by their link, with no code shown", async () => {
    const agent = new Agent(app);
    const location = await fileAnonymously(agent);
    const token = /\/requests\/follow\/([^?]+)/.exec(location)![1]!;
    await db
      .update(cases)
      .set({ followPinHash: null })
      .where(eq(cases.followTokenHash, sha256(token)));
    const pin = followPinFor(TEST_COOKIE_SECRET, token);
    const page = await agent.get(location);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain(`${pin.slice(0, 4)} ${pin.slice(4)}`);
    expect((await agent.get(`/ar/requests/follow/${token}/receipt`)).body).not.toContain(pin.slice(4));
  });

  it("mails the follow code with the link to a person without an account who gave an e-mail, and the code opens the request", async () => {
    const email = `follow-code.${Date.now()}@example.tn`;
    const location = await fileAnonymously(new Agent(app), { contactMode: "email", contactEmail: email });
    const token = /\/requests\/follow\/([^?]+)/.exec(location)![1]!;
    const [mail] = await mailsTo(database, email);
    const reference = /EC-\d{4}-\d{6}/.exec(mail!.textBody)![0];
    const pin = /رمز المتابعة (\d{4} \d{4})/.exec(mail!.textBody)?.[1];
    expect(pin).toBe(formatPin(followPinFor(TEST_COOKIE_SECRET, token)));
    expect(mail!.textBody).toContain(`/ar/requests/follow/${token}`);
    expect(mail!.textBody).toMatch(/\/ar\/requests\/follow\n/);
    // Typed as the mail gives it, the code opens the request.
    const reader = new Agent(app);
    const opened = await postCode(reader, "192.0.2.91", { reference, pin: pin! }, "ar");
    expect(opened.statusCode).toBe(303);
    const page = await reader.get(opened.headers.location as string);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("رصيف منهار أمام المدرسة");
  });
});

describe("the follow code", () => {
  it("reads a reference as the staff search does, and a PIN with spaces or Arabic-Indic digits", () => {
    expect(parseFollowCode("EC-2026-000011", "1234 5678")).toEqual({
      year: "2026",
      number: "000011",
      pin: "12345678",
    });
    expect(parseFollowCode("٢٠٢٦-٠٠٠٠١١", "١٢٣٤-٥٦٧٨")).toEqual({
      year: "2026",
      number: "000011",
      pin: "12345678",
    });
    expect(parseFollowCode("11", "12345678")).toEqual({ year: undefined, number: "000011", pin: "12345678" });
    for (const [reference, pin] of [
      ["EC-2026-000011", "1234567"],
      ["EC-2026-000011", "123456789"],
      ["EC-2026-000011", "abcdefgh"],
      ["rue de Marseille", "12345678"],
      ["", "12345678"],
      [undefined, undefined],
    ])
      expect(parseFollowCode(reference, pin)).toBeNull();
  });

  it("shows a public follow page, linked from the home page, with a CSRF-protected form", async () => {
    const agent = new Agent(app);
    for (const lang of ["ar", "fr", "en"]) {
      const page = await agent.get(`/${lang}/requests/follow`);
      expect(page.statusCode).toBe(200);
      expect(page.headers["cache-control"]).toBe("no-store");
      expect(page.body).toContain('name="_csrf"');
      expect(page.body).toContain('name="reference"');
      expect(page.body).toContain('name="pin"');
      expect((await agent.get(`/${lang}`)).body).toContain(`href="/${lang}/requests/follow"`);
    }
    expect((await agent.get("/ar/requests/follow")).body).toContain("رمز المتابعة");
  });

  it("opens the request from its number and follow code, typed in any of the ways people type them", async () => {
    const { row, pin } = await requestWithCode();
    const number = row.reference.split("-")[2]!;
    const typings = [
      { reference: row.reference, pin: `${pin.slice(0, 4)} ${pin.slice(4)}` },
      { reference: row.reference.toLowerCase().replace("ec-", "ec "), pin },
      { reference: toArabicDigits(row.reference.slice(3)), pin: toArabicDigits(pin) },
      { reference: String(Number(number)), pin },
    ];
    for (const [i, form] of typings.entries()) {
      const agent = new Agent(app);
      const response = await postCode(agent, `192.0.2.${10 + i}`, form, "ar");
      expect(response.statusCode, JSON.stringify(form)).toBe(303);
      expect(response.headers.location).toBe(`/ar/requests/by-code/${row.reference}`);
      const page = await agent.get(response.headers.location as string);
      expect(page.statusCode).toBe(200);
      expect(page.headers["cache-control"]).toBe("no-store");
      expect(page.body).toContain(row.subject);
    }
  });

  it("answers a wrong code, an unknown reference and a request without a code alike: 422, one generic error", async () => {
    const { row, pin } = await requestWithCode();
    const old = await insertCase(db, { anonymous: true, contactEmail: null });
    const wrongPin = pin === "00000000" ? "00000001" : "00000000";
    const bodies: string[] = [];
    for (const [i, form] of [
      { reference: row.reference, pin: wrongPin },
      { reference: "EC-2026-987654", pin },
      { reference: old.reference, pin },
      { reference: row.reference, pin: "12" },
    ].entries()) {
      const agent = new Agent(app);
      const response = await postCode(agent, `192.0.2.${30 + i}`, form, "en");
      expect(response.statusCode).toBe(422);
      expect(response.body).toContain("sh-error-summary");
      expect(response.body).toContain('href="#reference"');
      expect(response.body).toContain("This reference and follow code do not open a request");
      // The reference typed is kept; the PIN is never sent back.
      expect(response.body).toContain(`value="${form.reference}"`);
      expect(response.body).not.toContain(`value="${form.pin}"`);
      expect(response.cookies.find((c) => c.name === "case_follow")).toBeUndefined();
      bodies.push(response.body.replaceAll(form.reference, "REF").replace(/name="_csrf" value="[^"]+"/, ""));
      expect((await agent.get(`/en/requests/by-code/${row.reference}`)).statusCode).toBe(404);
    }
    expect(new Set(bodies).size).toBe(1);
  });

  it("never gives a 500 for forged or malformed input, and refuses a post without its CSRF token", async () => {
    const agent = new Agent(app);
    await agent.get("/fr/requests/follow");
    const noToken = await app.inject({
      method: "POST",
      url: "/fr/requests/follow",
      remoteAddress: "192.0.2.50",
      headers: { cookie: agent.cookieHeader(), "content-type": "application/x-www-form-urlencoded" },
      payload: "reference=EC-2026-000001&pin=12345678",
    });
    expect(noToken.statusCode).toBe(403);
    for (const payload of [
      "reference=%00%27%3B--&pin=%F0%9F%98%80",
      `reference=${"9".repeat(300)}&pin=1`,
      "reference=a&reference=b&pin=1",
      "pin[$ne]=1",
      "",
    ]) {
      const page = await agent.get("/fr/requests/follow");
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
      const response = await app.inject({
        method: "POST",
        url: "/fr/requests/follow",
        remoteAddress: "192.0.2.51",
        headers: { cookie: agent.cookieHeader(), "content-type": "application/x-www-form-urlencoded" },
        payload: `_csrf=${encodeURIComponent(csrf!)}&${payload}`,
      });
      expect(response.statusCode, payload).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, payload).toBeLessThan(500);
    }
    // A grant cookie made up, or taken for one request to open another: not found.
    const { row, pin } = await requestWithCode();
    const other = await requestWithCode();
    const forged = new Agent(app);
    forged.setCookie("case_follow", `${row.id}.99999999999`);
    expect((await forged.get(`/fr/requests/by-code/${row.reference}`)).statusCode).toBe(404);
    const holder = new Agent(app);
    expect((await postCode(holder, "192.0.2.52", { reference: row.reference, pin })).statusCode).toBe(303);
    expect((await holder.get(`/fr/requests/by-code/${other.row.reference}`)).statusCode).toBe(404);
    expect((await holder.get(`/fr/requests/by-code/${encodeURIComponent("<script>")}`)).statusCode).toBe(404);
  });

  it("makes a client wait after too many wrong codes, even for a right one, and tells it when to come back", async () => {
    const { row, pin } = await requestWithCode();
    const agent = new Agent(app);
    const ip = "198.51.100.20";
    for (let i = 0; i < FOLLOW_CODE_TRIES.perClient; i++) {
      const wrong = await postCode(agent, ip, { reference: "EC-2026-555555", pin: "11111111" });
      expect(wrong.statusCode).toBe(422);
    }
    const blocked = await postCode(agent, ip, { reference: row.reference, pin });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);
    expect(blocked.body).toContain("sh-error-summary");
    expect(blocked.body).toContain("Trop de codes erronés");
    // Another client is not held back.
    expect(
      (await postCode(new Agent(app), "198.51.100.21", { reference: row.reference, pin })).statusCode,
    ).toBe(303);
  });

  it("holds back guessing spread over many addresses, for the reference guessed", async () => {
    const { row, pin } = await requestWithCode();
    const wrongPin = pin === "22222222" ? "22222223" : "22222222";
    for (let i = 0; i < FOLLOW_CODE_TRIES.perReference; i++) {
      const response = await postCode(new Agent(app), `203.0.113.${i + 1}`, {
        reference: row.reference,
        pin: wrongPin,
      });
      expect(response.statusCode).toBe(422);
    }
    const response = await postCode(new Agent(app), "203.0.113.200", { reference: row.reference, pin });
    expect(response.statusCode).toBe(429);
  });
});

roleMatrix("the follow code", testApp, [
  { method: "GET", url: "/ar/requests/follow", expect: { otherwise: 200 } },
  {
    method: "POST",
    url: "/ar/requests/follow",
    form: { reference: "EC-2026-444444", pin: "12345678" },
    expect: { otherwise: 422 },
  },
  { method: "GET", url: "/ar/requests/by-code/EC-2026-444444", expect: { otherwise: 404 } },
  { method: "GET", url: "/ar/requests/follow/unknown-token/receipt", expect: { otherwise: 404 } },
]);
