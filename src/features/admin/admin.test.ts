import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../test/accounts.js";
import { createTestApp } from "../../../test/app.js";
import { roleMatrix } from "../../../test/role-matrix.js";

const testApp = await createTestApp();

roleMatrix("admin home", testApp, [
  {
    method: "GET",
    url: "/fr/admin",
    expect: { anonymous: 303, citizen: 403, otherwise: 200 },
  },
]);

describe("admin home", () => {
  it("sends anonymous visitors to sign in and back", async () => {
    const response = await new (await import("../../../test/app.js")).Agent(testApp.app).get("/fr/admin");
    expect(response.headers.location).toBe("/fr/sign-in?next=%2Ffr%2Fadmin");
  });

  it("shows a structure admin only the sections their role allows", async () => {
    const { agent } = await signedInAgent(testApp.app, testApp.database, {
      roles: [{ structure: "gov-tn-11", role: "structure_admin" }],
    });
    const body = (await agent.get("/en/admin")).body;
    expect(body).toContain('href="/en/admin/structures"');
    expect(body).not.toContain('href="/en/admin/audit"');
  });

  it("gives each role the cards of the sections it may open, in order, each to its own workspace", async () => {
    const cardsOf = async (options: Parameters<typeof signedInAgent>[2]) => {
      const { agent } = await signedInAgent(testApp.app, testApp.database, options);
      const body = (await agent.get("/en/admin")).body;
      return [...body.matchAll(/class="sh-card__link" href="([^"]+)"/g)].map((m) => m[1]);
    };
    expect(await cardsOf({ roles: [{ structure: "gov-tn-11", role: "agent" }] })).toEqual([
      "/en/staff/requests",
      "/en/integrity/counts",
    ]);
    expect(await cardsOf({ roles: [{ structure: "gov-tn-11", role: "integrity_officer" }] })).toEqual([
      "/en/integrity/officer",
    ]);
    expect(await cardsOf({ roles: [{ structure: "gov-tn-11", role: "moderator" }] })).toEqual([
      "/en/integrity/counts",
    ]);
    // The sections a structure admin and a platform admin both have, in the order both see them.
    const structureSections = [
      "/en/staff/requests",
      "/en/integrity/counts",
      "/en/admin/consultations",
      "/en/admin/structures",
      "/en/admin/staff",
      "/en/admin/deadlines",
      "/en/admin/ideas",
    ];
    expect(await cardsOf({ roles: [{ structure: "gov-tn-11", role: "structure_admin" }] })).toEqual([
      ...structureSections,
      "/en/admin/insights",
    ]);
    expect(await cardsOf({ platformAdmin: true })).toEqual([
      ...structureSections,
      "/en/admin/calendar",
      "/en/admin/open311",
      "/en/admin/insights",
      "/en/admin/audit",
      "/en/admin/settings",
    ]);
  });

  it("sends staff who have not enrolled TOTP to enrol, and those who have not entered a code to enter one", async () => {
    const enrol = await signedInAgent(testApp.app, testApp.database, {
      roles: [{ structure: "gov-tn-11", role: "agent" }],
      totp: false,
    });
    expect((await enrol.agent.get("/ar/admin")).headers.location).toBe(
      "/ar/account/two-factor?next=%2Far%2Fadmin",
    );
    const verify = await signedInAgent(testApp.app, testApp.database, {
      platformAdmin: true,
      secondFactor: false,
    });
    expect((await verify.agent.get("/ar/admin")).headers.location).toBe(
      "/ar/sign-in/two-factor?next=%2Far%2Fadmin",
    );
  });
});
