import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestApp } from "../../../../test/app.js";
import { accounts } from "../../../core/auth/tables.js";
import { consultationAmendments } from "./tables.js";

/** The amendments and text-versions datasets, on the demo (whose open by-law has both), through the API. */
const { app, database } = await createTestApp({ demo: true });
const db = database.db;

type Rows = Array<Record<string, unknown>>;
const json = async (url: string) => {
  const answer = await app.inject(url);
  expect(answer.statusCode, url).toBe(200);
  return answer.json();
};

describe("drafting in the open data", () => {
  it("publishes each amendment with its decision and the version it went into, its author a pseudonym", async () => {
    const rows = (await json("/open-data/amendments.json")) as Rows;
    expect(rows.map((r) => r.status).sort()).toEqual(["accepted_with_changes", "proposed", "rejected"]);
    const accepted = rows.find((r) => r.status === "accepted_with_changes")!;
    expect(accepted).toMatchObject({
      section_position: 2,
      paragraph: 0,
      lang: "ar",
      base_version: 1,
      supports: 3,
      applied_version: 2,
      hidden: false,
    });
    expect(accepted.accepted_text).toContain("12 بالمائة");
    expect(accepted.author).toMatch(/^p-[\w-]{12}$/);
    const authors = await db.select({ name: accounts.displayName }).from(accounts);
    const body = JSON.stringify(rows);
    for (const { name } of authors) if (name && name.length > 5) expect(body).not.toContain(name);
    const csv = (await app.inject("/open-data/amendments.csv")).body;
    expect(csv.split("\r\n")[0]).toBe(
      // A byte-order mark first, so spreadsheets read the Arabic right.
      "\ufeff" +
        "id,consultation_id,section_position,paragraph,lang,base_version,author,hidden,original,proposed,reason,supports,status,accepted_text,decision_reason,decided_at,applied_version,created_at",
    );
  });

  it("leaves out an amendment held for review, and empties the texts of one a moderator hid", async () => {
    const [held, hidden] = await db.select().from(consultationAmendments).limit(2);
    await db
      .update(consultationAmendments)
      .set({ moderationState: "held" })
      .where(eq(consultationAmendments.id, held!.id));
    await db
      .update(consultationAmendments)
      .set({ moderationState: "hidden", moderationReason: "Hors sujet" })
      .where(eq(consultationAmendments.id, hidden!.id));
    const page = (await json("/api/v1/amendments?limit=10")) as { data: Rows };
    expect(page.data.map((r) => r.id)).not.toContain(held!.id);
    expect(page.data.find((r) => r.id === hidden!.id)).toMatchObject({
      hidden: true,
      proposed: "",
      reason: "",
    });
    await db
      .update(consultationAmendments)
      .set({ moderationState: "visible", moderationReason: null })
      .where(eq(consultationAmendments.id, held!.id));
  });

  it("publishes every version of the text, with what changed from the one before word by word", async () => {
    const rows = (await json("/open-data/text-versions.json")) as Rows;
    const [first, second] = [rows.find((r) => r.number === 1)!, rows.find((r) => r.number === 2)!];
    expect(JSON.parse(first.changes as string)).toEqual([]);
    expect(JSON.parse(first.sections as string)).toHaveLength(5);
    expect(second.note_fr).toContain("Version 2");
    const changes = JSON.parse(second.changes as string) as Array<{
      section_position: number;
      lang: string;
      diff: Array<{ kind: string; text: string }>;
    }>;
    expect(changes.map((c) => `${c.section_position}:${c.lang}`).sort()).toEqual(["2:ar", "2:en", "2:fr"]);
    const fr = changes.find((c) => c.lang === "fr")!.diff;
    expect(fr).toContainEqual({ kind: "del", text: "10" });
    expect(fr).toContainEqual({ kind: "ins", text: "12" });
    const ar = changes.find((c) => c.lang === "ar")!.diff;
    expect(
      ar
        .filter((d) => d.kind === "ins")
        .map((d) => d.text)
        .join(" "),
    ).toContain("الأحياء");
  });

  it("gives a passage comment's paragraph and quoted words in the contributions", async () => {
    const rows = (await json("/open-data/contributions.json")) as Rows;
    expect(rows.find((r) => r.passage_quote === "متساكني بلدية تونس")).toMatchObject({
      section_position: 1,
      passage_paragraph: 0,
    });
  });
});
