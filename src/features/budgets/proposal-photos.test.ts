import { eq } from "drizzle-orm";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../test/accounts.js";
import { Agent, createTestApp } from "../../../test/app.js";
import { multipart } from "../../../test/multipart.js";
import { HOME_STRUCTURE } from "../../../test/role-matrix.js";
import { inspectUpload } from "../../core/files/inspect.js";
import { contentKey } from "../../core/files/store.js";
import { PHOTO_BYTES } from "./photos.js";
import { budgetProposalPhotos, budgetProposals } from "./tables.js";
import { makeBudget } from "./testing.js";

const { app, database } = await createTestApp();
const db = database.db;

const photo = await sharp({ create: { width: 120, height: 90, channels: 3, background: "#6a4" } })
  .jpeg()
  .withExif({ IFD0: { Make: "PhoneMaker" } })
  .toBuffer();
const jpeg = (data: Buffer, name = "photo1", filename = "jardin.jpg") => ({
  name,
  filename,
  type: "image/jpeg",
  data,
});
const FIELDS = {
  title: "Un jardin partagé rue de Marseille",
  description: "Aménager le terrain vague en jardin partagé avec des bancs, des arbres et un point d’eau.",
  place: "Rue de Marseille",
  district: "north",
  cost: "12000",
};

/** Sends the propose form as a browser does: multipart, with the page's CSRF token (unless left out). */
async function propose(
  agent: Agent,
  budgetId: string,
  fields: Record<string, string>,
  files: Parameters<typeof multipart>[1],
  options: { csrf?: boolean } = {},
) {
  const page = await agent.get(`/fr/budgets/${budgetId}/propose`);
  expect(page.body).toContain(`action="/fr/budgets/${budgetId}/propose" enctype="multipart/form-data"`);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  const { payload, contentType } = multipart(
    options.csrf === false ? fields : { _csrf: csrf, ...fields },
    files,
  );
  return app.inject({
    method: "POST",
    url: `/fr/budgets/${budgetId}/propose`,
    headers: { cookie: agent.cookieHeader(), "content-type": contentType },
    payload,
  });
}

const proposalsOf = (budgetId: string) =>
  db.select().from(budgetProposals).where(eq(budgetProposals.budgetId, budgetId));
const photoRows = () => db.select().from(budgetProposalPhotos);

describe("photos on proposals", () => {
  it("takes photos with their descriptions, shows them on the proposal and in the list, without metadata", async () => {
    const { budget } = await makeBudget(db, { structure: HOME_STRUCTURE, phase: "proposals" });
    const { agent } = await signedInAgent(app, database);
    const sent = await propose(agent, budget.id, { ...FIELDS, photo1Alt: "Le terrain vague aujourd’hui" }, [
      jpeg(photo),
    ]);
    expect(sent.statusCode).toBe(303);
    const [proposal] = await proposalsOf(budget.id);
    expect(sent.headers.location).toBe(`/fr/budgets/${budget.id}/proposals/${proposal!.id}`);
    const [row] = await db
      .select()
      .from(budgetProposalPhotos)
      .where(eq(budgetProposalPhotos.proposalId, proposal!.id));
    expect(row).toMatchObject({ position: 1, width: 120, height: 90, alt: "Le terrain vague aujourd’hui" });

    const visitor = new Agent(app);
    const page = await visitor.get(`/en/budgets/${budget.id}/proposals/${proposal!.id}`);
    const src = `/en/budgets/${budget.id}/proposals/${proposal!.id}/photos/1`;
    expect(page.body).toMatch(
      new RegExp(
        `<img src="${src}" alt="Le terrain vague aujourd’hui" width="120" height="90" loading="lazy"`,
      ),
    );
    const image = await visitor.get(src);
    expect(image.statusCode).toBe(200);
    expect(image.headers["content-type"]).toBe("image/jpeg");
    expect(image.headers["cache-control"]).toBe("public, max-age=600");
    expect(image.headers["x-content-type-options"]).toBe("nosniff");
    expect(image.rawPayload.includes(Buffer.from("PhoneMaker"))).toBe(false);
    expect((await sharp(image.rawPayload).metadata()).width).toBe(120);

    const list = await visitor.get(`/en/budgets/${budget.id}`);
    expect(list.body).toContain(`src="${src}/thumb" alt width="80" height="60" loading="lazy"`);
    const thumb = await visitor.get(`${src}/thumb`);
    expect(thumb.statusCode).toBe(200);
    expect((await sharp(thumb.rawPayload).metadata()).width).toBe(160);
    expect(
      (await visitor.get(`/en/budgets/${budget.id}/proposals/${proposal!.id}/photos/2`)).statusCode,
    ).toBe(404);
  });

  it("refuses a forged photo, an oversize one, one without a description and a form without CSRF: translated, nothing stored", async () => {
    const { budget } = await makeBudget(db, { structure: HOME_STRUCTURE, phase: "proposals" });
    const { agent } = await signedInAgent(app, database);
    const before = (await photoRows()).length;
    // A photo no other test sent: the store must not hold it afterwards.
    const other = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#a46" } })
      .jpeg()
      .toBuffer();

    const forged = await propose(agent, budget.id, { ...FIELDS, photo1Alt: "Un jardin" }, [
      jpeg(Buffer.from("ceci est un texte, pas une photo")),
    ]);
    expect(forged.statusCode).toBe(422);
    expect(forged.body).toContain("Le fichier n’est pas une photo : choisissez une image JPEG, PNG ou WebP.");
    expect(forged.body).toContain('href="#photo1"');
    expect(forged.body).toContain('value="Un jardin partagé rue de Marseille"');

    const big = Buffer.concat([photo, Buffer.alloc(PHOTO_BYTES + 1024, 1)]);
    const oversize = await propose(agent, budget.id, { ...FIELDS, photo2Alt: "Un jardin" }, [
      jpeg(big, "photo2"),
    ]);
    expect(oversize.statusCode).toBe(422);
    expect(oversize.body).toContain("La photo doit faire 5 Mo au plus.");

    const noAlt = await propose(agent, budget.id, FIELDS, [jpeg(other)]);
    expect(noAlt.statusCode).toBe(422);
    expect(noAlt.body).toContain("Dites en quelques mots ce que montre la photo.");
    expect(noAlt.body).toContain('href="#photo1Alt"');

    const noCsrf = await propose(agent, budget.id, { ...FIELDS, photo1Alt: "Un jardin" }, [jpeg(other)], {
      csrf: false,
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.body).toContain("Le formulaire a expiré");

    expect(await proposalsOf(budget.id)).toHaveLength(0);
    expect(await photoRows()).toHaveLength(before);
    // The photo that was refused for want of a description, or of a token, was not written either.
    const checked = await inspectUpload(other, { maxBytes: PHOTO_BYTES, accept: ["image"] });
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(await app.files.get(contentKey(checked.file.data).key)).toBeNull();
  });

  it("still takes a proposal without photos sent urlencoded (no JavaScript, no file chosen)", async () => {
    const { budget } = await makeBudget(db, { structure: HOME_STRUCTURE, phase: "proposals" });
    const { agent } = await signedInAgent(app, database);
    const sent = await agent.post(`/fr/budgets/${budget.id}/propose`, FIELDS);
    expect(sent.statusCode).toBe(303);
    const [proposal] = await proposalsOf(budget.id);
    const page = await agent.get(`/fr/budgets/${budget.id}/proposals/${proposal!.id}`);
    expect(page.body).not.toContain("/photos/");
  });
});
