import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { buildApp } from "../../../src/app.js";
import { loadConfig } from "../../../src/config.js";
import { contentKey } from "../../../src/core/files/store.js";
import { storedFiles } from "../../../src/core/files/tables.js";
import { openPostgres } from "../../../src/db/client.js";
import { consultationDocuments, consultations } from "../../../src/features/consultations/tables.js";
import { signedInAgent } from "../../accounts.js";
import { createTestApp } from "../../app.js";
import { postgresUrl } from "../../databases.js";
import { multipart } from "../../multipart.js";

const nodeA = await createTestApp();
const { database } = nodeA;
const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

/** A structure admin attaches a PDF to a new consultation through node A; returns its download path. */
async function uploadThroughNodeA() {
  const admin = await signedInAgent(nodeA.app, database, {
    roles: [{ structure: "mun-tn-11", role: "structure_admin" }],
  });
  const [structure] = await database.query<{ id: string }>(
    "select id from structures where code = 'mun-tn-11'",
  );
  await admin.agent.get("/fr/admin/consultations/new");
  const created = await admin.agent.post("/fr/admin/consultations/new", {
    structureId: structure!.id,
    titleFr: "Plan de circulation",
    summaryFr: "Le nouveau plan de circulation du centre-ville.",
    theme: "local_governance",
    area: "municipality",
    municipality: "mun-tn-11",
    participation: "signed_in",
    opensAt: "2027-01-01",
    closesAt: "2027-02-28",
  });
  expect(created.statusCode).toBe(303);
  const [c] = await database.db
    .select()
    .from(consultations)
    .where(eq(consultations.createdBy, admin.account.id));
  const page = await admin.agent.get(`/fr/admin/consultations/${c!.id}/documents`);
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  const form = multipart({ _csrf: token, title: "Plan" }, [
    { name: "file", filename: "plan.pdf", type: "application/pdf", data: pdf },
  ]);
  const uploaded = await nodeA.app.inject({
    method: "POST",
    url: `/fr/admin/consultations/${c!.id}/documents`,
    headers: { cookie: admin.agent.cookieHeader(), "content-type": form.contentType },
    payload: form.payload,
  });
  expect(uploaded.statusCode).toBe(303);
  const [doc] = await database.db
    .select()
    .from(consultationDocuments)
    .where(eq(consultationDocuments.consultationId, c!.id));
  return { admin, path: `/fr/consultations/${c!.id}/documents/${doc!.id}` };
}

describe("uploaded files across nodes", () => {
  it.runIf(database.kind === "postgres")(
    "PostgreSQL: a file filed through one node opens through another node with its own DATA_DIR",
    async () => {
      const { admin, path } = await uploadThroughNodeA();
      // Node B: its own process state, connection pool and disk, the same database.
      const [{ name }] = (await database.query<{ name: string }>("select current_database() as name")) as [
        { name: string },
      ];
      const databaseB = await openPostgres(postgresUrl(name), 2);
      const config = loadConfig({
        NODE_ENV: "test",
        DATA_DIR: mkdtempSync(join(tmpdir(), "sharek-node-b-")),
        COOKIE_SECRET: nodeA.config.COOKIE_SECRET,
        RATE_LIMIT_MAX: "10000",
        LOG_LEVEL: "silent",
      });
      const nodeB = await buildApp({ config, database: databaseB });
      afterAll(async () => {
        await nodeB.close();
        await databaseB.close();
      });
      const opened = await nodeB.inject({
        method: "GET",
        url: path,
        headers: { cookie: admin.agent.cookieHeader() },
      });
      expect(opened.statusCode).toBe(200);
      expect(opened.rawPayload).toEqual(pdf);
      // Neither node keeps it on its disk.
      expect(existsSync(join(nodeA.config.dataDir, "files"))).toBe(false);
      expect(existsSync(join(config.dataDir, "files"))).toBe(false);
    },
  );

  it.runIf(database.kind === "pglite")(
    "PGlite: a file stays under DATA_DIR/files, not in the database",
    async () => {
      const { admin, path } = await uploadThroughNodeA();
      expect((await admin.agent.get(path)).statusCode).toBe(200);
      expect(existsSync(join(nodeA.config.dataDir, "files", contentKey(pdf).key))).toBe(true);
      expect(await database.db.select().from(storedFiles)).toHaveLength(0);
    },
  );
});
