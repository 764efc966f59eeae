import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../test/accounts.js";
import { Agent, createTestApp } from "../../../test/app.js";

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
});
