import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../test/accounts.js";
import { Agent, createTestApp } from "../../../test/app.js";
import { enqueueSms } from "../../core/sms/outbox.js";

const { app, database } = await createTestApp();

describe("the development outbox", () => {
  it("shows the queued mails (with their reset links) to platform admins only", async () => {
    const anonymous = await new Agent(app).get("/en/dev/outbox");
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/en\/sign-in\?next=/);

    const citizen = (await signedInAgent(app, database)).agent;
    expect((await citizen.get("/en/dev/outbox")).statusCode).toBe(403);

    const admin = (await signedInAgent(app, database, { platformAdmin: true })).agent;
    expect((await admin.get("/en/dev/outbox")).statusCode).toBe(200);
  });

  it("shows the queued SMS, which stay there without SMPP_URL", async () => {
    await enqueueSms(database.db, {
      to: "+21620123456",
      text: "تمّ تسجيل مطلبك EC-2026-000001: https://sharek.tn/ar/requests/follow/x",
    });
    const admin = (await signedInAgent(app, database, { platformAdmin: true })).agent;
    const page = await admin.get("/ar/dev/outbox");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<span dir="ltr">+21620123456</span>');
    expect(page.body).toContain("تمّ تسجيل مطلبك EC-2026-000001");
    expect(page.body).toContain('href="https://sharek.tn/ar/requests/follow/x"');
    expect(page.body).toContain("في الانتظار");
  });
});
