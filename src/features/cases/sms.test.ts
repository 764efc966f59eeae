import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { Agent } from "../../../test/app.js";
import { sendRequestForm } from "../../../test/request-form.js";
import { TestSmsc } from "../../../test/smsc.js";
import { DATA_CODING } from "../../core/sms/encode.js";
import { smsMessages } from "../../core/sms/tables.js";
import { cases } from "./tables.js";
import { staffPeople, staffTestApp } from "./workspace/testing.js";

// A real SMSC on loopback: the app binds to it as it would to an operator's (SMPP_URL).
const smsc = await TestSmsc.start();
afterAll(() => smsc.close());
const testApp = await staffTestApp({ SMPP_URL: smsc.url, SMPP_RATE: "100" });
const { app, database } = testApp;
const db = database.db;
const people = await staffPeople(testApp);

async function file(lang: string, fields: Record<string, string>) {
  const visitor = new Agent(app);
  const response = await sendRequestForm(app, visitor, lang, {
    type: "complaint",
    structure: "gov-tn-11",
    subject: "إنارة عمومية معطّلة",
    description: "الفوانيس في النهج مطفأة منذ أسبوعين.",
    governorate: "TN-11",
    ...fields,
  });
  expect(response.statusCode, response.body).toBe(303);
  const follow = await visitor.get(response.headers.location as string);
  const reference = /EC-\d{4}-\d{6}/.exec(follow.body)![0];
  const [row] = await db.select().from(cases).where(eq(cases.reference, reference));
  return row!;
}

describe("SMS to a person who chose the phone", () => {
  it("texts the reference and follow link at filing, then a short notice with the follow page when an agent replies, in their language", async () => {
    const filed = await file("ar", { contactMode: "phone", contactPhone: "20 123 456" });
    expect(filed.contactPhone).toBe("+21620123456");
    expect(filed.locale).toBe("ar");

    const [received] = await smsc.waitFor(1);
    expect(received!.to).toBe("+21620123456");
    expect(received!.from).toBe("Sharek");
    expect(received!.dataCoding).toBe(DATA_CODING.ucs2);
    expect(received!.text).toContain(filed.reference);
    expect(received!.text).toContain("تمّ تسجيل مطلبك");
    expect(received!.text).toMatch(/http:\/\/localhost:3000\/ar\/requests\/follow\/\S+/);
    // Longer than one UCS-2 segment: sent in parts that the SMSC put back together.
    expect(received!.ids.length).toBeGreaterThan(1);

    const reply = await people.agent.agent.post(`/fr/staff/requests/${filed.id}/reply`, {
      body: "Les lampadaires ont été réparés hier soir. Merci de votre signalement.",
    });
    expect(reply.statusCode).toBe(303);
    const [, notice] = await smsc.waitFor(2);
    expect(notice!.to).toBe("+21620123456");
    expect(notice!.text).toContain(`تمّ الرد على مطلبك ${filed.reference}`);
    expect(notice!.text).toContain("http://localhost:3000/ar/requests/follow");
    // The agent's words stay on the follow page: an SMS could be read by anyone holding the phone.
    expect(notice!.text).not.toContain("lampadaires");

    // Each went out once, and the SMSC's answer was recorded.
    await expect
      .poll(async () =>
        (await db.select().from(smsMessages).where(eq(smsMessages.toNumber, "+21620123456"))).map(
          (m) => m.status,
        ),
      )
      .toEqual(["sent", "sent"]);
  });

  it("texts nothing to a person who chose e-mail", async () => {
    const before = smsc.messages.length;
    const filed = await file("fr", {
      contactMode: "email",
      contactEmail: "citoyen@example.tn",
      contactPhone: "20 999 888",
    });
    await people.agent.agent.post(`/fr/staff/requests/${filed.id}/reply`, { body: "Réponse." });
    expect(await db.select().from(smsMessages).where(eq(smsMessages.toNumber, "+21620999888"))).toEqual([]);
    expect(smsc.messages.length).toBe(before);
  });
});
