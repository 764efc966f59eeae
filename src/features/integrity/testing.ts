import { and, eq, inArray, isNull } from "drizzle-orm";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import { signedInAgent, TEST_PASSWORD } from "../../../test/accounts.js";
import { Agent, type TestApp } from "../../../test/app.js";
import { multipart } from "../../../test/multipart.js";
import { HOME_STRUCTURE } from "../../../test/role-matrix.js";
import { memberships } from "../../core/authz/tables.js";
import { settleAppointments } from "./appointments.js";
import { enrolOfficerKeys } from "./officers.js";
import { integrityAppointments } from "./tables.js";
import { solveChallenge } from "./throttle.js";

type Files = Parameters<typeof multipart>[1];

/**
 * An integrity officer of a structure, signed in with TOTP, with keys made and opened. Unless
 * `approved: false`, their appointment is approved (as a colleague would, straight in the database).
 */
export async function officer(
  testApp: TestApp,
  structure = HOME_STRUCTURE,
  options: { unlock?: boolean; approved?: boolean } = {},
) {
  const { agent, account } = await signedInAgent(testApp.app, testApp.database, {
    roles: [{ structure, role: "integrity_officer" }],
  });
  const { db } = testApp.database;
  await settleAppointments(db, account.id, { publicUrl: testApp.config.publicUrl });
  if (options.approved !== false) {
    const mine = db
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.accountId, account.id), isNull(memberships.revokedAt)));
    await db
      .update(integrityAppointments)
      .set({ approvedOn: "2026-01-01" })
      .where(
        and(inArray(integrityAppointments.membershipId, mine), isNull(integrityAppointments.approvedOn)),
      );
  }
  const enrolled = await enrolOfficerKeys(testApp.database.db, account, TEST_PASSWORD);
  if (!enrolled.ok) throw new Error("enrolment failed");
  if (options.unlock !== false) {
    await agent.get("/fr/integrity/officer/unlock");
    const unlocked = await agent.post("/fr/integrity/officer/unlock", { password: TEST_PASSWORD });
    expect(unlocked.statusCode).toBe(303);
  }
  return { agent, account, keys: enrolled.keys, recoveryKey: enrolled.recoveryKey };
}

export const validReport = (extra: Record<string, string> = {}) => ({
  structure: HOME_STRUCTURE,
  sector: "Direction régionale des marchés",
  what: "Un agent a demandé 2 000 dinars pour écarter une offre concurrente lors d’un appel d’offres.",
  when: "Février 2026",
  who: "Le chef de service",
  contact: "yes",
  ...extra,
});

/** Opens the form as a browser would, solves its proof of work (as sharek.js does), and sends it. */
export async function submitReportForm(
  app: FastifyInstance,
  agent: Agent,
  fields: Record<string, string>,
  files: Files = [],
  options: { lang?: string; pow?: boolean; headers?: Record<string, string>; remoteAddress?: string } = {},
): Promise<LightMyRequestResponse> {
  const lang = options.lang ?? "fr";
  const page = await agent.get(`/${lang}/integrity/report`, options.headers);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  const challenge = /name="challenge" value="([^"]+)"/.exec(page.body)![1]!;
  const pow = options.pow === false ? "" : solveChallenge(challenge);
  const { payload, contentType } = multipart({ _csrf: csrf, challenge, pow, ...fields }, files);
  return app.inject({
    method: "POST",
    url: `/${lang}/integrity/report`,
    remoteAddress: options.remoteAddress,
    headers: { ...options.headers, cookie: agent.cookieHeader(), "content-type": contentType },
    payload,
  });
}

export function receiptIn(body: string): string {
  const receipt = /data-receipt="(\d{16})"/.exec(body)?.[1];
  if (!receipt) throw new Error("no receipt on the page");
  return receipt;
}

/** A whistleblower posting the receipt form (urlencoded, like the page). */
export async function follow(agent: Agent, receipt: string, lang = "fr") {
  await agent.get(`/${lang}/integrity/follow`);
  return agent.post(`/${lang}/integrity/follow`, { receipt });
}

/** The whistleblower's reply form (multipart). */
export async function whistleblowerReply(
  app: FastifyInstance,
  agent: Agent,
  receipt: string,
  message: string,
  files: Files = [],
  lang = "fr",
) {
  const page = await follow(agent, receipt, lang);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  const { payload, contentType } = multipart({ _csrf: csrf, receipt, message }, files);
  return app.inject({
    method: "POST",
    url: `/${lang}/integrity/follow/reply`,
    headers: { cookie: agent.cookieHeader(), "content-type": contentType },
    payload,
  });
}

export { Agent };
