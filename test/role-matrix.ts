import { describe, expect, it } from "vitest";
import { signedInAgent } from "./accounts.js";
import { Agent, type TestApp } from "./app.js";

/**
 * The roles every route is checked against. Staff roles hold in structure "gov-tn-11" (Governorate
 * of Tunis); `other_staff` is a structure admin and agent of "gov-tn-12" (Ariana) only.
 */
export const ROLES = [
  "anonymous",
  "citizen",
  "agent",
  "structure_admin",
  "moderator",
  "integrity_officer",
  "platform_admin",
  "other_staff",
] as const;
export type Role = (typeof ROLES)[number];

export const HOME_STRUCTURE = "gov-tn-11";
export const OTHER_STRUCTURE = "gov-tn-12";

export async function agentsByRole({ app, database }: TestApp): Promise<Record<Role, Agent>> {
  const as = async (options: Parameters<typeof signedInAgent>[2]) =>
    (await signedInAgent(app, database, options)).agent;
  return {
    anonymous: new Agent(app),
    citizen: await as({}),
    agent: await as({ roles: [{ structure: HOME_STRUCTURE, role: "agent" }] }),
    structure_admin: await as({ roles: [{ structure: HOME_STRUCTURE, role: "structure_admin" }] }),
    moderator: await as({ roles: [{ structure: HOME_STRUCTURE, role: "moderator" }] }),
    integrity_officer: await as({ roles: [{ structure: HOME_STRUCTURE, role: "integrity_officer" }] }),
    platform_admin: await as({ platformAdmin: true }),
    other_staff: await as({
      roles: [
        { structure: OTHER_STRUCTURE, role: "structure_admin" },
        { structure: OTHER_STRUCTURE, role: "agent" },
      ],
    }),
  };
}

export interface MatrixRoute {
  method: "GET" | "POST";
  /** A URL, or a function of the role's agent-independent fixtures resolved at test time. */
  url: string | (() => string);
  form?: Record<string, string> | (() => Record<string, string>);
  /** Expected status per role; roles not listed expect `otherwise`. */
  expect: Partial<Record<Role, number>> & { otherwise: number };
}

/**
 * Declares one test per route × role asserting the status each role gets. Anonymous visitors are
 * usually sent to sign in (303). Call inside a test file after creating the app.
 */
export function roleMatrix(name: string, testApp: TestApp, routes: MatrixRoute[]) {
  describe(`role matrix: ${name}`, async () => {
    const agents = await agentsByRole(testApp);
    for (const route of routes) {
      for (const role of ROLES) {
        const expected = route.expect[role] ?? route.expect.otherwise;
        it(`${route.method} ${typeof route.url === "string" ? route.url : "(dynamic)"} as ${role} → ${expected}`, async () => {
          const url = typeof route.url === "string" ? route.url : route.url();
          const form = typeof route.form === "function" ? route.form() : route.form;
          const response =
            route.method === "GET" ? await agents[role].get(url) : await agents[role].post(url, form ?? {});
          expect(response.statusCode).toBe(expected);
        });
      }
    }
  });
}
