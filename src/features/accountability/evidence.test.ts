import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../test/accounts.js";
import { Agent, createTestApp } from "../../../test/app.js";
import { multipart } from "../../../test/multipart.js";
import { HOME_STRUCTURE } from "../../../test/role-matrix.js";
import { contentKey } from "../../core/files/store.js";
import { structures } from "../../core/structures/tables.js";
import { results, resultUpdates } from "./tables.js";

const { app, database } = await createTestApp();
const db = database.db;
const [home] = await db.select().from(structures).where(eq(structures.code, HOME_STRUCTURE));
const { agent: admin } = await signedInAgent(app, database, {
  roles: [{ structure: HOME_STRUCTURE, role: "structure_admin" }],
});

const pdf = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
const asPdf = (data: Buffer, filename = "rapport.pdf") => ({
  name: "evidenceFiles",
  filename,
  type: "application/pdf",
  data,
});

async function newResult(code: string) {
  const [r] = await db
    .insert(results)
    .values({
      code,
      structureId: home!.id,
      title: { fr: "Éclairage public du quartier", en: "Street lighting of the district" },
      description: {},
    })
    .returning();
  return r!;
}

/** Sends the result page's update form as a browser does: multipart, with the page's CSRF token. */
async function postUpdate(
  agent: Agent,
  resultId: string,
  fields: Record<string, string>,
  files: Parameters<typeof multipart>[1],
  lang = "fr",
) {
  const page = await agent.get(`/${lang}/accountability/${resultId}`);
  expect(page.body).toContain(
    `action="/${lang}/accountability/${resultId}/updates" enctype="multipart/form-data"`,
  );
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  const { payload, contentType } = multipart({ _csrf: csrf, ...fields }, files);
  return app.inject({
    method: "POST",
    url: `/${lang}/accountability/${resultId}/updates`,
    headers: { cookie: agent.cookieHeader(), "content-type": contentType },
    payload,
  });
}

describe("evidence files on a result's updates", () => {
  it("takes a PDF with an update, which anyone downloads from the public result page", async () => {
    const r = await newResult("lighting-evidence-1");
    const sent = await postUpdate(
      admin,
      r.id,
      { status: "in_progress", progress: "40", bodyFr: "Les poteaux sont posés." },
      [asPdf(pdf)],
    );
    expect(sent.statusCode).toBe(303);
    const [posted] = await db
      .select()
      .from(resultUpdates)
      .where(and(eq(resultUpdates.resultId, r.id), eq(resultUpdates.progressAfter, 40)));
    expect(posted!.evidence).toEqual([{ label: "", fileKey: contentKey(pdf).key, mime: "application/pdf" }]);

    const visitor = new Agent(app);
    const page = await visitor.get(`/en/accountability/${r.id}`);
    const link = `/en/accountability/${r.id}/updates/${posted!.id}/files/0`;
    expect(page.body).toContain(`href="${link}"`);
    expect(page.body).toContain("PDF document 1");
    const download = await visitor.get(link);
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.headers["x-content-type-options"]).toBe("nosniff");
    expect(download.headers["content-disposition"]).toMatch(/^attachment; filename="lighting-evidence-1-/);
    expect(download.rawPayload.equals(pdf)).toBe(true);

    // Only through the update that holds it: another result's address, or another index, is not found.
    const other = await newResult("lighting-evidence-other");
    expect(
      (await visitor.get(`/en/accountability/${other.id}/updates/${posted!.id}/files/0`)).statusCode,
    ).toBe(404);
    expect((await visitor.get(`/en/accountability/${r.id}/updates/${posted!.id}/files/1`)).statusCode).toBe(
      404,
    );
    expect((await visitor.get(`/en/accountability/${r.id}/updates/not-an-update/files/0`)).statusCode).toBe(
      404,
    );
  });

  it("refuses a forged file, one too large, or a good file with a bad update: a translated error, nothing stored", async () => {
    const r = await newResult("lighting-evidence-2");
    const forged = Buffer.from("<html><script>alert(1)</script></html> not a PDF");
    const large = Buffer.concat([pdf, Buffer.alloc(5 * 1024 * 1024)]);
    const fine = Buffer.concat([pdf, Buffer.from("% a report that is never posted\n")]);
    const cases = [
      {
        fields: { status: "in_progress", bodyFr: "Rapport joint." },
        files: [asPdf(forged, "rapport.pdf")],
        message: "Seuls les photos (JPEG, PNG, WebP, HEIC) et les PDF sont acceptés",
        data: forged,
      },
      {
        fields: { status: "in_progress", bodyFr: "Rapport joint." },
        files: [asPdf(large)],
        message: "Chaque fichier doit faire au plus 5 Mo",
        data: large,
      },
      {
        fields: { status: "in_progress", bodyFr: "" },
        files: [asPdf(fine)],
        message: 'href="#update-bodyAr"',
        data: fine,
      },
    ];
    const before = await db.select().from(resultUpdates).where(eq(resultUpdates.resultId, r.id));
    for (const { fields, files, message, data } of cases) {
      const sent = await postUpdate(admin, r.id, fields, files);
      expect(sent.statusCode).toBe(422);
      expect(sent.body).toContain(message);
      if (fields.bodyFr) expect(sent.body).toContain(fields.bodyFr);
      expect(await app.files.get(contentKey(data).key)).toBeNull();
    }
    expect(await db.select().from(resultUpdates).where(eq(resultUpdates.resultId, r.id))).toHaveLength(
      before.length,
    );
    const page = (await postUpdate(admin, r.id, cases[0]!.fields, cases[0]!.files, "ar")).body;
    expect(page).toContain('href="#update-evidenceFiles"');
  });

  it("refuses the upload without the form's token, and to anyone not of the result's structure", async () => {
    const r = await newResult("lighting-evidence-3");
    const { payload, contentType } = multipart({ status: "in_progress", bodyFr: "Sans jeton." }, [
      asPdf(pdf),
    ]);
    const noToken = await app.inject({
      method: "POST",
      url: `/fr/accountability/${r.id}/updates`,
      headers: { cookie: admin.cookieHeader(), "content-type": contentType },
      payload,
    });
    expect(noToken.statusCode).toBe(403);
    const { agent: citizen } = await signedInAgent(app, database, {});
    const page = await citizen.get(`/fr/accountability/${r.id}`);
    expect(page.body).not.toContain(`/fr/accountability/${r.id}/updates`);
    expect(await db.select().from(resultUpdates).where(eq(resultUpdates.resultId, r.id))).toHaveLength(0);
  });
});
