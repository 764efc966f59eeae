import { describe, expect, it } from "vitest";
import { Agent, createTestApp } from "../../../test/app.js";
import { multipart } from "../../../test/multipart.js";
import { HOME_STRUCTURE } from "../../../test/role-matrix.js";
import { CENTRAL_INTEGRITY_CODE } from "./officers.js";
import { officer, receiptIn, submitReportForm, validReport } from "./testing.js";
import { QUICK_EXIT_URL } from "./views/parts.js";

const testApp = await createTestApp();
const { app, database } = testApp;

const CLOSED_AR = "لا يمكن تلقّي التبليغات هنا حاليًّا";
const reportCount = async () =>
  (await database.query<{ n: number }>("select count(*)::int as n from integrity_reports"))[0]!.n;
/** The option the form preselects, as a browser would send it untouched. */
const preselected = (body: string) => /<option value="([^"]+)" selected/.exec(body)?.[1];
const options = (body: string) => [...body.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]);

/** A complete report sent straight to the route (the page has no form to read a token from). */
async function postWithoutForm(agent: Agent, fields: Record<string, string>) {
  const follow = await agent.get("/ar/integrity/follow");
  const csrf = /name="_csrf" value="([^"]+)"/.exec(follow.body)![1]!;
  const { payload, contentType } = multipart({ _csrf: csrf, ...fields });
  return app.inject({
    method: "POST",
    url: "/ar/integrity/report",
    headers: { cookie: agent.cookieHeader(), "content-type": contentType },
    payload,
  });
}

describe("integrity, first step: only destinations that can open a report", () => {
  it("with nobody able to receive, says so before anyone writes: no form, other ways to report", async () => {
    const home = await new Agent(app).get("/ar/integrity");
    expect(home.body).toContain(CLOSED_AR);
    expect(home.body).not.toContain('href="/ar/integrity/report"');
    const page = await new Agent(app).get("/ar/integrity/report");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(CLOSED_AR);
    expect(page.body).toContain("وكيل الجمهورية");
    expect(page.body).toContain('href="/ar/requests/new"');
    expect(page.body).not.toContain('action="/ar/integrity/report"');
    expect(page.body).not.toContain('name="what"');
    const fr = await new Agent(app).get("/fr/integrity/report");
    expect(fr.body).toContain("Les signalements ne peuvent pas être reçus ici pour l’instant");
  });

  it("a report sent anyway is refused with the same page, and what was written is shown back", async () => {
    const response = await postWithoutForm(
      new Agent(app),
      validReport({ structure: "central", what: "Un texte écrit avant la fermeture du canal, à garder." }),
    );
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain(CLOSED_AR);
    expect(response.body).toContain("Un texte écrit avant la fermeture du canal, à garder.");
    expect(response.body).not.toContain('name="what"');
    expect(await reportCount()).toBe(0);
  });

  it("with only a structure's officer, offers that structure alone, preselected; a stale «central» is refused by name", async () => {
    await officer(testApp, HOME_STRUCTURE);
    const page = await new Agent(app).get("/ar/integrity/report");
    expect(options(page.body)).toEqual([HOME_STRUCTURE]);
    expect(preselected(page.body)).toBe(HOME_STRUCTURE);
    expect(page.body).not.toContain("الوحدة المركزية للنزاهة فقط");
    const stale = await submitReportForm(app, new Agent(app), validReport({ structure: "central" }), [], {
      lang: "en",
    });
    expect(stale.statusCode).toBe(422);
    expect(stale.body).toContain("No integrity officer can receive reports there any more");
    expect(stale.body).toContain("Direction régionale des marchés"); // what was typed is kept
    expect(await reportCount()).toBe(0);
  });

  it("with the central unit's officer, preselects it first, and a report with the default destination is accepted", async () => {
    const central = await officer(testApp, CENTRAL_INTEGRITY_CODE);
    const page = await new Agent(app).get("/ar/integrity/report");
    expect(options(page.body)).toEqual(["central", HOME_STRUCTURE]);
    expect(preselected(page.body)).toBe("central");
    expect(page.body).toContain("الوحدة المركزية للنزاهة فقط");
    const whistleblower = new Agent(app);
    const response = await submitReportForm(
      app,
      whistleblower,
      validReport({
        structure: preselected(page.body)!,
        what: "Rapport envoyé à la destination par défaut.",
      }),
      [],
      { lang: "ar" },
    );
    expect(response.statusCode).toBe(200);
    expect(receiptIn(response.body)).toMatch(/^\d{16}$/);
    expect(response.body).not.toContain("لا يوجد بعد مكلّف بالنزاهة");
    // It reached the central unit's officer, who reads it.
    const queue = await central.agent.get("/fr/integrity/officer");
    const id = /\/fr\/integrity\/officer\/reports\/([0-9a-f-]{36})/.exec(queue.body)![1]!;
    const opened = await central.agent.get(`/fr/integrity/officer/reports/${id}`);
    expect(opened.body).toContain("Rapport envoyé à la destination par défaut.");
  });

  it("refuses a report without its CSRF token, and stores nothing", async () => {
    const before = await reportCount();
    const agent = new Agent(app);
    await agent.get("/ar/integrity/report");
    const { payload, contentType } = multipart(validReport({ structure: "central" }));
    const response = await app.inject({
      method: "POST",
      url: "/ar/integrity/report",
      headers: { cookie: agent.cookieHeader(), "content-type": contentType },
      payload,
    });
    expect(response.statusCode).toBe(403);
    expect(await reportCount()).toBe(before);
  });
});

describe("integrity: Exit this page", () => {
  const exitLink = (body: string) =>
    new RegExp(
      `<a class="sh-button sh-button--warning sh-quick-exit__button" href="${QUICK_EXIT_URL}" rel="noreferrer">([^<]+)</a>`,
    ).exec(body)?.[1];

  it("sits on every page of the whistleblower's side, translated, before the page's heading", async () => {
    const agent = new Agent(app);
    const receipt = receiptIn(
      (await submitReportForm(app, agent, validReport({ structure: "central" }))).body,
    );
    const pages = [
      await agent.get("/ar/integrity"),
      await agent.get("/ar/integrity/report"),
      await agent.get("/ar/integrity/follow"),
      await agent.post("/ar/integrity/follow", { receipt }),
      await agent.post("/ar/integrity/follow", { receipt: "0000000000000000" }),
      await submitReportForm(app, agent, validReport({ what: "court" }), [], { lang: "ar" }),
      await submitReportForm(app, agent, validReport({ structure: "central" }), [], { lang: "ar" }),
    ];
    expect(pages.map((p) => p.statusCode)).toEqual([200, 200, 200, 200, 422, 422, 200]);
    for (const page of pages) {
      expect(exitLink(page.body)).toBe("مغادرة الصفحة بسرعة");
      expect(page.body.indexOf("sh-quick-exit")).toBeLessThan(page.body.indexOf("<h1"));
    }
    expect(exitLink((await new Agent(app).get("/fr/integrity")).body)).toBe("Quitter cette page");
    expect(exitLink((await new Agent(app).get("/en/integrity/follow")).body)).toBe("Exit this page");
  });
});

describe("integrity: where the channel is linked from", () => {
  it("the home page, the footer of every page, and the help centre", async () => {
    const home = (await new Agent(app).get("/fr")).body;
    expect(home).toMatch(/<a[^>]+href="\/fr\/integrity"[^>]*>[^<]*Signaler la corruption en sécurité/);
    const footer = (await new Agent(app).get("/en/consultations")).body;
    expect(footer.slice(footer.indexOf("<footer"))).toContain('href="/en/integrity"');
    const help = (await new Agent(app).get("/ar/help")).body;
    expect(help.slice(help.indexOf("<main"), help.indexOf("<footer"))).toContain('href="/ar/integrity"');
  });
});
