import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../test/accounts.js";
import { createTestApp } from "../../../test/app.js";
import { roleMatrix } from "../../../test/role-matrix.js";
import { findHelpArticle } from "./queries.js";

const testApp = await createTestApp();
const { app, database } = testApp;
const db = database.db;
const guide = (await findHelpArticle(db, "take-part"))!;
let created = 0;
const article = () => ({
  slug: `matrix-${++created}`,
  kind: "faq",
  position: "50",
  titleAr: "سؤال",
  titleFr: "Question",
  titleEn: "Question",
  bodyAr: "جواب",
  bodyFr: "Réponse",
  bodyEn: "Answer",
});
const platformOnly = { anonymous: 303, platform_admin: 200, otherwise: 403 };

roleMatrix("help", testApp, [
  { method: "GET", url: "/fr/help", expect: { otherwise: 200 } },
  { method: "GET", url: "/fr/help?q=corruption", expect: { otherwise: 200 } },
  { method: "GET", url: "/fr/help/take-part", expect: { otherwise: 200 } },
  { method: "GET", url: "/fr/help/no-such-guide", expect: { otherwise: 404 } },
  { method: "GET", url: "/fr/admin/help", expect: platformOnly },
  { method: "GET", url: "/fr/admin/help/new", expect: platformOnly },
  {
    method: "POST",
    url: "/fr/admin/help/new",
    form: article,
    expect: { ...platformOnly, platform_admin: 303 },
  },
  { method: "GET", url: () => `/fr/admin/help/${guide.id}/edit`, expect: platformOnly },
]);

describe("help centre", () => {
  it("holds the four guides and an FAQ in three languages", async () => {
    for (const [lang, words] of [
      [
        "ar",
        ["كيف تشارك", "كيف تقدّم مطلبًا وتتابعه", "كيف تبلّغ عن الفساد بأمان", "دليل الأعوان", "أسئلة متكررة"],
      ],
      [
        "fr",
        [
          "Comment participer",
          "Déposer une requête et la suivre",
          "Signaler la corruption",
          "Manuel des agents",
        ],
      ],
      [
        "en",
        [
          "How to take part",
          "How to file and follow a request",
          "How to report corruption safely",
          "Agents’ handbook",
        ],
      ],
    ] as const) {
      const body = (await app.inject(`/${lang}/help`)).body;
      for (const w of words) expect(body).toContain(w);
    }
  });

  it("searches every language, Arabic forms and French accents folded", async () => {
    const fr = (await app.inject(`/fr/help?q=${encodeURIComponent("recu chiffre")}`)).body;
    expect(fr).toContain("Signaler la corruption en toute sécurité");
    expect(fr).not.toContain("Manuel des agents");
    const ar = (await app.inject(`/ar/help?q=${encodeURIComponent("الايصال")}`)).body;
    expect(ar).toContain("كيف تبلّغ عن الفساد بأمان");
    expect((await app.inject("/en/help?q=zzzqqq")).body).toContain("Nothing found");
  });

  it("renders Markdown, shows raw HTML as text", async () => {
    const { agent } = await signedInAgent(app, database, { platformAdmin: true });
    const form = {
      ...article(),
      slug: "markdown-check",
      kind: "guide",
      bodyEn: "## Steps\n\n<script>alert(1)</script>\n\n- **one**",
    };
    expect((await agent.post("/en/admin/help/new", form)).statusCode).toBe(303);
    const page = (await app.inject("/en/help/markdown-check")).body;
    expect(page).toContain("<h2>Steps</h2>");
    expect(page).toContain("<strong>one</strong>");
    expect(page).not.toContain("<script>alert");
  });

  it("refuses a missing language and a taken slug with 422, keeping the text", async () => {
    const { agent } = await signedInAgent(app, database, { platformAdmin: true });
    const missing = await agent.post("/fr/admin/help/new", { ...article(), bodyEn: "" });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain("Saisissez le texte en anglais");
    expect(missing.body).toContain("Réponse");
    const taken = await agent.post("/fr/admin/help/new", { ...article(), slug: "take-part" });
    expect(taken.statusCode).toBe(422);
    expect(taken.body).toContain("utilise déjà cette adresse");
  });
});
