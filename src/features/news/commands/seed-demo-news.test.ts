import { describe, expect, it } from "vitest";
import { Agent, createTestApp } from "../../../../test/app.js";
import { seedDemo } from "../../../db/seed.js";

const { app, database } = await createTestApp();

describe("news demo", () => {
  it("publishes news of the central office and two governorates in three languages, one featured with a photo", async () => {
    const lines = await seedDemo(database, app.files);
    expect(lines.join("\n")).toContain("Demo news: 5");
    const anonymous = new Agent(app);
    const ar = (await anonymous.get("/ar/news")).body;
    expect(ar).toContain("فتح استشارة عمومية حول مشروع الأمر المتعلق بالنفاذ إلى الخدمات الإدارية عن بعد");
    expect(ar).toContain("ولاية صفاقس: دورة تكوينية");
    expect(ar).not.toContain("برنامج الأيام الإعلامية الجهوية");
    expect((await anonymous.get("/fr/news")).body).toContain("Journée d’information à Sousse");
    const home = (await anonymous.get("/en")).body;
    expect(home).toContain("Public consultation opened on the draft decree");
    const [pinned] = await database.query<{ id: string }>("select id from news_items where pinned");
    const article = (await anonymous.get(`/en/news/${pinned!.id}`)).body;
    expect(article).toContain('alt="Green banner of the Sharek platform"');
    expect((await anonymous.get(`/en/news/${pinned!.id}/image`)).headers["content-type"]).toBe("image/jpeg");
  });
});
