import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { signedInAgent } from "../../../test/accounts.js";
import { Agent, createTestApp } from "../../../test/app.js";
import { TestSmsc } from "../../../test/smsc.js";
import { accounts } from "../../core/auth/tables.js";
import { accountPhoneChecks } from "./tables.js";

// The code goes out through a real SMSC on loopback, as it would through an operator's.
const smsc = await TestSmsc.start();
afterAll(() => smsc.close());
const { app, database } = await createTestApp({ env: { SMPP_URL: smsc.url, SMPP_RATE: "100" } });
const db = database.db;

async function withPhone(phone: string | null, locale = "fr") {
  const signed = await signedInAgent(app, database);
  await db.update(accounts).set({ phone, locale }).where(eq(accounts.id, signed.account.id));
  return signed;
}

describe("checking an account's phone number by a code sent by SMS", () => {
  it("is for signed-in people only, with CSRF", async () => {
    const anonymous = await new Agent(app).get("/fr/account/phone");
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/fr\/sign-in\?next=/);
    const { agent } = await withPhone("+21620111111");
    expect((await agent.post("/fr/account/phone/code", {}, { csrf: false })).statusCode).toBe(403);
  });

  it("sends a code in the account's language, refuses a wrong one, and verifies the number with the right one", async () => {
    const { agent, account } = await withPhone("+21620222222", "ar");
    const page = await agent.get("/fr/account/phone");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Non vérifié");
    expect(page.body).not.toContain('name="code"');

    const sent = await agent.post("/fr/account/phone/code", {});
    expect(sent.statusCode).toBe(303);
    const received = (await smsc.waitFor(smsc.messages.length + 1)).at(-1)!;
    expect(received.to).toBe("+21620222222");
    expect(received.text).toContain("رمز التحقّق");
    const code = /\d{6}/.exec(received.text)![0];
    expect(JSON.stringify(await db.select().from(accountPhoneChecks))).not.toContain(code);

    // Asked again at once: refused, and said why.
    const again = await agent.post("/fr/account/phone/code", {});
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain("moins d’une minute");

    const wrongCode = code === "000000" ? "111111" : "000000";
    const wrong = await agent.post("/fr/account/phone/verify", { code: wrongCode });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain("Ce code est erroné");
    expect(wrong.body).toContain('href="#code"');

    const right = await agent.post("/fr/account/phone/verify", {
      code: ` ${code.slice(0, 3)} ${code.slice(3)} `,
    });
    expect(right.statusCode).toBe(303);
    expect((await agent.get("/fr/account/phone")).body).toContain("Vérifié");
    // A code serves once.
    expect((await agent.post("/fr/account/phone/verify", { code })).statusCode).toBe(422);

    // A new number is not verified until checked.
    await db.update(accounts).set({ phone: "+21620333333" }).where(eq(accounts.id, account.id));
    expect((await agent.get("/fr/account/phone")).body).toContain("Non vérifié");
  });

  it("spends a code after five wrong tries", async () => {
    const { agent } = await withPhone("+21620444444");
    await agent.post("/fr/account/phone/code", {});
    const received = (await smsc.waitFor(smsc.messages.length + 1)).at(-1)!;
    const code = /\d{6}/.exec(received.text)![0];
    const wrongCode = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++) await agent.post("/fr/account/phone/verify", { code: wrongCode });
    const late = await agent.post("/fr/account/phone/verify", { code });
    expect(late.statusCode).toBe(422);
    expect(late.body).toContain("Ce code n’est plus valable");
  });

  it("tells an account without a phone number, and a number that answered STOP", async () => {
    const none = await withPhone(null);
    expect((await none.agent.get("/en/account/phone")).body).toContain("Your account has no phone number.");
    expect((await none.agent.post("/en/account/phone/code", {})).statusCode).toBe(422);

    const stopped = await withPhone("+21620555555");
    await smsc.inbound("+21620555555", "STOP");
    const refused = await stopped.agent.post("/en/account/phone/code", {});
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("send START to our number first");
  });
});
