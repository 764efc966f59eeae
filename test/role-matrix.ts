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

type Expectation = MatrixRoute["expect"];

/**
 * The expectations that recur across matrices, named after who gets `status`. Staff of another
 * structure are told such a page does not exist (404) rather than refused, so as not to leak it.
 */
export const expectFor = {
  /** Any staff member who works in the structure named in the URL or form. */
  structureStaff: (status: number): Expectation => ({
    anonymous: 303,
    citizen: 403,
    moderator: 403,
    integrity_officer: 403,
    other_staff: 404,
    otherwise: status,
  }),
  /** The members of the record's structure (agents and admins); every other signed-in role 404. */
  structureMembers: (status: number): Expectation => ({
    anonymous: 303,
    citizen: 403,
    agent: status,
    structure_admin: status,
    platform_admin: status,
    otherwise: 404,
  }),
  /** Structure and platform admins; staff of another structure get `otherStaff`, the rest 403. */
  admins: (status: number, otherStaff: number = status): Expectation => ({
    anonymous: 303,
    structure_admin: status,
    platform_admin: status,
    other_staff: otherStaff,
    otherwise: 403,
  }),
};
