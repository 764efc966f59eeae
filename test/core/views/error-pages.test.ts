import { describe, expect, it } from "vitest";
import { createTestConsultation } from "../../../src/features/consultations/testing.js";
import { createCategory } from "../../../src/features/forum/testing.js";
import { submitIdeaAs } from "../../../src/features/ideas/testing.js";
import { signedInAgent } from "../../accounts.js";
import { Agent, createTestApp } from "../../app.js";
import { multipart } from "../../multipart.js";
import { sendRequestForm } from "../../request-form.js";

/**
 * Every form sent with mistakes comes back (422) with one error summary at the very top of <main>,
 * focused on load even without JavaScript, linking to each field, its messages naming the field and
 * saying what to do, and the page's title starting with "Error: " in the page's language.
 */
const testApp = await createTestApp();
const { app, database } = testApp;

const PREFIX = { ar: "خطأ: ", fr: "Erreur : ", en: "Error: " } as const;
type Lang = keyof typeof PREFIX;

function decode(html: string) {
  return html
    .replaceAll("&amp;", "&")
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">");
}

/** What a person (and their screen reader) meets first on the page. */
function errorPage(html: string) {
  const title = decode(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? "");
  const main = html.slice(html.indexOf("<main"));
  const firstInMain = /<main[^>]*>\s*(<[^>]+>)/.exec(main)?.[1] ?? "";
  const summary = main.slice(0, main.indexOf("</ul>"));
  const links = [...summary.matchAll(/<a class="sh-error-summary__link" href="#([^"]+)">([^<]*)<\/a>/g)].map(
    (m) => [m[1], decode(m[2]!)],
  );
  return { title, firstInMain, links, summaries: html.split('class="sh-error-summary"').length - 1 };
}

function expectSummaryFirst(html: string, lang: Lang) {
  const page = errorPage(html);
  expect(page.title.startsWith(PREFIX[lang])).toBe(true);
  expect(page.firstInMain).toContain('id="error-summary"');
  expect(page.firstInMain).toContain("autofocus");
  expect(page.firstInMain).toContain('tabindex="-1"');
  expect(page.summaries).toBe(1);
  return page.links;
}

describe("a form sent with mistakes", () => {
  it.each([
    ["ar", "اختر نوع المطلب"],
    ["fr", "Choisissez le type de votre requête"],
    ["en", "Choose the kind of request"],
  ] as Array<[Lang, string]>)(
    "request step 1 sent with nothing chosen says so (%s), instead of reloading",
    async (lang, message) => {
      const agent = new Agent(app);
      const first = await agent.get(`/${lang}/requests/new`);
      expect(first.statusCode).toBe(200);
      expect(errorPage(first.body).summaries).toBe(0);
      expect(first.body).toContain('name="step" value="type"');
      const response = await agent.get(`/${lang}/requests/new?step=type`);
      expect(response.statusCode).toBe(422);
      expect(expectSummaryFirst(response.body, lang)).toEqual([["type", message]]);
    },
  );

  it("request step 2 sent with no structure chosen says so, but a search does not", async () => {
    const agent = new Agent(app);
    const search = await agent.get("/en/requests/new?type=notice&q=tunis");
    expect(search.statusCode).toBe(200);
    const response = await agent.get("/en/requests/new?type=notice&step=structure");
    expect(response.statusCode).toBe(422);
    expect(expectSummaryFirst(response.body, "en")[0]?.[0]).toBe("structure");
  });

  it.each([
    ["ar", "أدخل موضوع مطلبك", "أدخل تفاصيل مطلبك"],
    ["fr", "Saisissez l’objet de votre requête", "Saisissez le détail de votre requête"],
    ["en", "Enter the subject of your request", "Enter the details of your request"],
  ] as Array<[Lang, string, string]>)(
    "the request form sent empty names each field and what to do (%s)",
    async (lang, subject, description) => {
      const agent = new Agent(app);
      const form = await agent.get(`/${lang}/requests/new?type=notice&structure=mun-tn-11`);
      const field = (name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(form.body)?.[1] ?? "";
      const { payload, contentType } = multipart(
        {
          type: "notice",
          structure: "mun-tn-11",
          submissionKey: field("submissionKey"),
          _csrf: field("_csrf"),
        },
        [],
      );
      const response = await app.inject({
        method: "POST",
        url: `/${lang}/requests`,
        headers: { cookie: agent.cookieHeader(), "content-type": contentType },
        payload,
      });
      expect(response.statusCode).toBe(422);
      const links = expectSummaryFirst(response.body, lang);
      expect(links).toContainEqual(["subject", subject]);
      expect(links).toContainEqual(["description", description]);
      // The inline message beside the field says the same.
      expect(decode(response.body)).toContain(subject);
      expect(response.body).toContain('id="subject"');
    },
  );

  it("a subject too short says which field and how long it must be", async () => {
    const response = await sendRequestForm(app, new Agent(app), "en", {
      type: "notice",
      structure: "mun-tn-11",
      subject: "Hole",
    });
    expect(expectSummaryFirst(response.body, "en")).toContainEqual([
      "subject",
      "Subject must be at least 5 characters",
    ]);
  });

  it.each([
    ["ar", "أدخل تعليقك"],
    ["fr", "Saisissez votre commentaire"],
    ["en", "Enter your comment"],
  ] as Array<[Lang, string]>)(
    "an empty comment on a consultation is announced at the top of the page (%s)",
    async (lang, message) => {
      const { consultation } = await createTestConsultation(database.db, { phase: "open" });
      const { agent } = await signedInAgent(app, database);
      await agent.get(`/${lang}/consultations/${consultation.id}`);
      const response = await agent.post(`/${lang}/consultations/${consultation.id}/comments`, {
        body: "",
        alignment: "for",
      });
      expect(response.statusCode).toBe(422);
      expect(expectSummaryFirst(response.body, lang)).toEqual([["comment-body", message]]);
      expect(response.body).toContain('id="comment-body"');
    },
  );

  it("the questionnaire's summary names each unanswered question by number and text", async () => {
    const { consultation } = await createTestConsultation(database.db, { phase: "open" });
    const { agent } = await signedInAgent(app, database);
    const response = await agent.post(`/en/consultations/${consultation.id}/questionnaire`, {});
    expect(response.statusCode).toBe(422);
    const messages = expectSummaryFirst(response.body, "en").map(([, m]) => m);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/^Answer question 1: /);
    expect(messages[1]).toMatch(/^Answer question 3: /);
    expect(new Set(messages).size).toBe(2);
    const fr = await agent.post(`/fr/consultations/${consultation.id}/questionnaire`, {});
    expect(expectSummaryFirst(fr.body, "fr").map(([, m]) => m)).toEqual([
      "Répondez à la question 1 : Êtes-vous d’accord ?",
      "Répondez à la question 3 : Importance ?",
    ]);
  });

  it.each(["ar", "fr", "en"] as Lang[])("sign-up and sign-in sent empty (%s)", async (lang) => {
    const agent = new Agent(app);
    const signUp = await agent.post(`/${lang}/sign-up`, {});
    expect(signUp.statusCode).toBe(422);
    const links = expectSummaryFirst(signUp.body, lang);
    expect(links.length).toBeGreaterThan(1);
    for (const [id] of links) expect(signUp.body).toContain(`id="${id}"`);
    const signIn = await agent.post(`/${lang}/sign-in`, {});
    expect(signIn.statusCode).toBe(422);
    expect(expectSummaryFirst(signIn.body, lang).length).toBeGreaterThan(0);
  });

  it.each([
    ["ar", "أدخل عنوان فكرتك", "صِف فكرتك"],
    ["fr", "Saisissez le titre de votre idée", "Décrivez votre idée"],
    ["en", "Enter the title of your idea", "Describe your idea"],
  ] as Array<[Lang, string, string]>)("an idea sent empty (%s)", async (lang, title, description) => {
    const { agent } = await signedInAgent(app, database);
    const response = await submitIdeaAs(testApp, agent, {}, [], lang);
    expect(response.statusCode).toBe(422);
    const links = expectSummaryFirst(response.body, lang);
    expect(links).toContainEqual(["title", title]);
    expect(links).toContainEqual(["description", description]);
  });

  it("a forum topic sent empty, then too short, names its fields", async () => {
    await createCategory(database.db, "errors-test");
    const { agent } = await signedInAgent(app, database);
    await agent.get("/en/forum/errors-test/new");
    const empty = await agent.post("/en/forum/errors-test/threads", { title: "", body: "" });
    expect(empty.statusCode).toBe(422);
    const links = expectSummaryFirst(empty.body, "en").map(([, m]) => m);
    expect(links).toEqual(expect.arrayContaining(["Enter the title of your topic", "Enter your message"]));
    const short = await agent.post("/en/forum/errors-test/threads", { title: "Bus", body: "Fine" });
    expect(expectSummaryFirst(short.body, "en").map(([, m]) => m)).toEqual([
      "Title must be at least 8 characters",
    ]);
  });

  it("a page answered without mistakes has no summary and a plain title", async () => {
    const response = await new Agent(app).get("/ar/sign-up");
    const page = errorPage(response.body);
    expect(page.summaries).toBe(0);
    expect(page.title.startsWith(PREFIX.ar)).toBe(false);
  });
});
