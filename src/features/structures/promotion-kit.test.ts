import jsqr from "jsqr";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../test/accounts.js";
import { createTestApp } from "../../../test/app.js";
import { HOME_STRUCTURE, roleMatrix } from "../../../test/role-matrix.js";
import { translator } from "../../core/i18n/catalog.js";
import { LOCALES } from "../../core/i18n/localized.js";
import { createStructure } from "./commands/create-structure.js";
import { retireStructure } from "./commands/retire-structure.js";
import { findStructureByCode } from "./queries.js";

const testApp = await createTestApp();
const { app, database } = testApp;
const system = { actorId: null };

await createStructure(
  database.db,
  { code: "kit-retired", kind: "independent_body", nameFr: "Agence dissoute", nameEn: "Dissolved agency" },
  system,
);
await retireStructure(
  database.db,
  (await findStructureByCode(database.db, "kit-retired"))!,
  { reason: "Merged" },
  system,
);

roleMatrix("promotion kit", testApp, [
  { method: "GET", url: `/fr/structures/${HOME_STRUCTURE}/poster`, expect: { otherwise: 200 } },
  { method: "GET", url: `/ar/structures/${HOME_STRUCTURE}/flyer`, expect: { otherwise: 200 } },
  { method: "GET", url: "/en/structures/kit-retired/poster", expect: { otherwise: 404 } },
  { method: "GET", url: "/en/structures/no-such-structure/flyer", expect: { otherwise: 404 } },
  { method: "GET", url: "/en/structures/NOT%20A%20CODE/poster", expect: { otherwise: 404 } },
]);

/** The QR codes of a page, each rendered to pixels by sharp and read back by jsQR. */
async function decodeQrCodes(html: string): Promise<string[]> {
  const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
  return Promise.all(
    svgs.map(async (svg) => {
      const { data, info } = await sharp(Buffer.from(svg), { density: 300 })
        .resize(400, 400)
        .flatten({ background: "#fff" })
        .ensureAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      const code = jsqr.default(
        new Uint8ClampedArray(data.buffer, data.byteOffset, data.length),
        info.width,
        info.height,
      );
      if (!code) throw new Error("a QR code did not decode");
      return code.data;
    }),
  );
}

describe("a structure's promotion kit", () => {
  it("has QR codes that decode to the absolute addresses of its request form and its open consultations", async () => {
    for (const [path, locale] of [
      ["poster", "fr"],
      ["flyer", "ar"],
    ] as const) {
      const page = await app.inject(`/${locale}/structures/${HOME_STRUCTURE}/${path}`);
      expect(page.statusCode).toBe(200);
      const base = `${app.config.publicUrl}/${locale}`;
      expect(await decodeQrCodes(page.body)).toEqual([
        `${base}/requests/new?structure=${HOME_STRUCTURE}`,
        `${base}/consultations?status=open&structure=${HOME_STRUCTURE}`,
      ]);
    }
  });

  it("leads to a request form that keeps the structure, and to its open consultations", async () => {
    const form = await app.inject(`/fr/requests/new?structure=${HOME_STRUCTURE}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`<input type="hidden" name="structure" value="${HOME_STRUCTURE}"/>`);
    const next = await app.inject(`/fr/requests/new?step=type&type=complaint&structure=${HOME_STRUCTURE}`);
    expect(next.statusCode).toBe(200);
    expect(next.body).toContain("Gouvernorat de Tunis");
    expect((await app.inject(`/fr/consultations?status=open&structure=${HOME_STRUCTURE}`)).statusCode).toBe(
      200,
    );
  });

  it("is written in each language, with the structure's name in it, and sized for print", async () => {
    const structure = (await findStructureByCode(database.db, HOME_STRUCTURE))!;
    for (const locale of LOCALES) {
      const t = translator(locale);
      for (const [path, size] of [
        ["poster", "a4"],
        ["flyer", "a5"],
      ] as const) {
        const body = (await app.inject(`/${locale}/structures/${HOME_STRUCTURE}/${path}`)).body;
        expect(body).toContain(`<html lang="${locale}"`);
        expect(body).toContain(`sh-kit--${size}`);
        for (const key of ["title", "request.action", "consultations.action"]) {
          const text = t(`structures.kit.${key}`);
          expect(text).not.toBe(`structures.kit.${key}`);
          expect(body).toContain(text);
        }
        expect(body).toContain(structure.name[locale]);
      }
    }
    const css = (await app.inject("/static/sharek.css")).body;
    expect(css).toContain("@page sh-a4{size:A4 portrait");
    expect(css).toContain("@page sh-a5{size:A5 portrait");
  });

  it("is linked from the structure's public page and from its admin page, for its staff", async () => {
    const publicPage = (await app.inject(`/en/structures/${HOME_STRUCTURE}`)).body;
    expect(publicPage).toContain(`href="/en/structures/${HOME_STRUCTURE}/poster"`);
    expect(publicPage).toContain(`href="/en/structures/${HOME_STRUCTURE}/flyer"`);
    const { agent } = await signedInAgent(app, database, {
      roles: [{ structure: HOME_STRUCTURE, role: "structure_admin" }],
    });
    const structure = (await findStructureByCode(database.db, HOME_STRUCTURE))!;
    const adminPage = await agent.get(`/en/admin/structures/${structure.id}`);
    expect(adminPage.statusCode).toBe(200);
    expect(adminPage.body).toContain(`href="/en/structures/${HOME_STRUCTURE}/poster"`);
    expect(adminPage.body).toContain(`href="/en/structures/${HOME_STRUCTURE}/flyer"`);
    expect((await app.inject("/en/structures/kit-retired")).body).not.toContain("/kit-retired/poster");
  });
});
