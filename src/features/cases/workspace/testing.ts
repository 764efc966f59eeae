import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { signedInAgent } from "../../../../test/accounts.js";
import { createTestApp, type TestApp } from "../../../../test/app.js";
import { auditEvents } from "../../../core/audit/tables.js";
import { NotFoundError } from "../../../core/errors/app-error.js";
import { isLocale } from "../../../core/i18n/localized.js";
import { structures } from "../../../core/structures/tables.js";
import type { Db } from "../../../db/client.js";
import { structureCategories } from "../../structures/tables.js";
import { caseEvents, cases } from "../tables.js";
import { uniqueCaseKeys } from "../testing.js";
import { workspaceRoutes } from "./index.js";

/**
 * The real app with the staff routes: they come with the cases feature once it registers them;
 * until then this test app adds them itself, under /:lang as the pages scope would.
 */
export async function staffTestApp(env?: Record<string, string>): Promise<TestApp> {
  return createTestApp({
    env,
    routes: (app: FastifyInstance) => {
      if (app.hasRoute({ method: "GET", url: "/:lang/staff/requests" })) return;
      app.register(
        async (pages) => {
          pages.addHook("onRequest", async (request) => {
            if (!isLocale((request.params as { lang?: string }).lang)) throw new NotFoundError();
          });
          await pages.register(workspaceRoutes);
        },
        { prefix: "/:lang" },
      );
    },
  });
}

export async function structureIdOf(db: Db, code: string): Promise<string> {
  const [row] = await db.select({ id: structures.id }).from(structures).where(eq(structures.code, code));
  if (!row) throw new Error(`no structure ${code}`);
  return row.id;
}

export async function createCategory(
  db: Db,
  structureCode: string,
  code = `cat-${randomUUID().slice(0, 8)}`,
) {
  const [row] = await db
    .insert(structureCategories)
    .values({
      structureId: await structureIdOf(db, structureCode),
      code,
      name: { ar: `صنف ${code}`, fr: `Catégorie ${code}`, en: `Category ${code}` },
    })
    .returning();
  return row!;
}

let sequence = 900_000;

export type NewCase = Partial<typeof cases.$inferInsert> & { structure?: string };

/** Inserts a request straight in the database (structure by code, default the Governorate of Tunis), with its "submitted" event. */
export async function insertCase(db: Db, fields: NewCase = {}) {
  sequence += 1;
  const { structure = "gov-tn-11", ...rest } = fields;
  const [row] = await db
    .insert(cases)
    .values({
      ...uniqueCaseKeys(sequence),
      type: "complaint",
      subject: "Éclairage public en panne",
      description: "Les lampadaires de la rue sont éteints depuis deux semaines.",
      contactName: "Amira Ben Salah",
      contactEmail: `citizen-${sequence}@example.tn`,
      structureId: rest.structureId ?? (await structureIdOf(db, structure)),
      ...rest,
    })
    .returning();
  await db.insert(caseEvents).values({ caseId: row!.id, kind: "submitted", at: row!.createdAt });
  return row!;
}

/** Signed-in people around the Governorate of Tunis (gov-tn-11) and of Ariana (gov-tn-12). */
export async function staffPeople({ app, database }: TestApp) {
  const as = (options: Parameters<typeof signedInAgent>[2]) => signedInAgent(app, database, options);
  return {
    agent: await as({ roles: [{ structure: "gov-tn-11", role: "agent" }], displayName: "Agent Tunis" }),
    colleague: await as({
      roles: [{ structure: "gov-tn-11", role: "agent" }],
      displayName: "Collègue Tunis",
    }),
    admin: await as({
      roles: [{ structure: "gov-tn-11", role: "structure_admin" }],
      displayName: "Admin Tunis",
    }),
    otherAgent: await as({ roles: [{ structure: "gov-tn-12", role: "agent" }], displayName: "Agent Ariana" }),
    otherAdmin: await as({
      roles: [{ structure: "gov-tn-12", role: "structure_admin" }],
      displayName: "Admin Ariana",
    }),
    platformAdmin: await as({ platformAdmin: true, displayName: "Bureau central" }),
    citizen: await as({ displayName: "Citoyen" }),
  };
}

/**
 * The usual setting of a staff test file: the app, its people, and the two governorates they
 * work in (home: Tunis, gov-tn-11; ariana: gov-tn-12, another structure's).
 */
export async function staffFixture() {
  const testApp = await staffTestApp();
  const { database } = testApp;
  const db = database.db;
  const people = await staffPeople(testApp);
  const home = await structureIdOf(db, "gov-tn-11");
  const ariana = await structureIdOf(db, "gov-tn-12");
  return { testApp, database, db, people, home, ariana };
}

/** The events of a request, oldest first. */
export async function eventsOf(db: Db, caseId: string) {
  return db
    .select()
    .from(caseEvents)
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.at), asc(caseEvents.id));
}

export async function reload(db: Db, caseId: string) {
  const [row] = await db.select().from(cases).where(eq(cases.id, caseId));
  return row!;
}

/** The audit entries about a request. */
export async function auditOf(db: Db, caseId: string) {
  return db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.subjectId, caseId))
    .orderBy(asc(auditEvents.at), asc(auditEvents.id));
}
