import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createAccount } from "../../../../test/accounts.js";
import { createTestApp } from "../../../../test/app.js";
import { mailsTo } from "../../../../test/mail.js";
import { structures } from "../../../core/structures/tables.js";
import { ideaEvents, ideas, ideaThemes } from "../tables.js";
import { runAnswerDeadlines } from "./answer-deadlines.js";

const { database } = await createTestApp();
const db = database.db;
const env = { publicUrl: "https://sharek.example.tn", secret: "job-test-secret", features: [] };
const DAY = 86_400_000;
const [tunis] = await db.select().from(structures).where(eq(structures.code, "mun-tn-11"));
const lead = await createAccount(database, {
  email: "lead.ideas@example.tn",
  roles: [{ structure: "mun-tn-11", role: "structure_admin" }],
});
const central = await createAccount(database, { email: "central.ideas@example.tn", platformAdmin: true });

let n = 0;
async function ideaDue(dueAt: Date, extra: Partial<typeof ideas.$inferInsert> = {}) {
  n += 1;
  const [row] = await db
    .insert(ideas)
    .values({
      submissionKey: `deadline-test-key-${n}-xxxxxxxx`,
      structureId: tunis!.id,
      title: `Idea past its threshold ${n}`,
      description: "A description long enough for an idea in the box.",
      supportCount: 100,
      thresholdReachedAt: new Date(dueAt.getTime() - 30 * DAY),
      answerDueAt: dueAt,
      ...extra,
    })
    .returning();
  return row!;
}
const levelOf = async (id: string) =>
  (await db.select().from(ideas).where(eq(ideas.id, id)))[0]!.escalationLevel;

describe("the threshold answer-deadline job", () => {
  it("alerts the structure once the answer is overdue, then the central office a week later, each once", async () => {
    const due = new Date("2026-03-10T23:00:00Z");
    const idea = await ideaDue(due);
    const answered = await ideaDue(due, { answeredAt: new Date("2026-03-01T10:00:00Z"), status: "accepted" });

    // Before the due date: nothing.
    await runAnswerDeadlines(db, new Date(due.getTime() - DAY), env);
    expect(await levelOf(idea.id)).toBe(0);

    // Overdue: the structure's admin is alerted, and an event is shown on the idea.
    const first = await runAnswerDeadlines(db, new Date(due.getTime() + DAY), env);
    expect(first.alerted).toBeGreaterThanOrEqual(1);
    expect(await levelOf(idea.id)).toBe(1);
    expect(await levelOf(answered.id)).toBe(0);
    const leadMails = await mailsTo(database, lead.email!);
    expect(leadMails.filter((m) => m.textBody.includes(idea.title))).toHaveLength(1);
    expect(leadMails[0]!.textBody).toContain(`https://sharek.example.tn/ar/ideas/${idea.id}`);

    // Two workers at once, the same day: nothing more happens.
    await Promise.all([
      runAnswerDeadlines(db, new Date(due.getTime() + 2 * DAY), env),
      runAnswerDeadlines(db, new Date(due.getTime() + 2 * DAY), env),
    ]);
    expect(
      (await mailsTo(database, lead.email!)).filter((m) => m.textBody.includes(idea.title)),
    ).toHaveLength(1);
    expect(
      (await mailsTo(database, central.email!)).filter((m) => m.textBody.includes(idea.title)),
    ).toHaveLength(0);

    // A week after the due date: the central office (platform admins, when it has no admin of its own).
    const second = await runAnswerDeadlines(db, new Date(due.getTime() + 8 * DAY), env);
    expect(second.escalated).toBeGreaterThanOrEqual(1);
    expect(await levelOf(idea.id)).toBe(2);
    expect(
      (await mailsTo(database, central.email!)).filter((m) => m.textBody.includes(idea.title)),
    ).toHaveLength(1);
    const events = await db.select().from(ideaEvents).where(eq(ideaEvents.ideaId, idea.id));
    expect(events.filter((e) => e.kind === "escalated")).toHaveLength(2);

    // And never again.
    await runAnswerDeadlines(db, new Date(due.getTime() + 30 * DAY), env);
    expect(
      (await mailsTo(database, central.email!)).filter((m) => m.textBody.includes(idea.title)),
    ).toHaveLength(1);
  });

  it("sends an idea addressed to a theme only to the central office", async () => {
    const due = new Date("2026-04-10T23:00:00Z");
    const idea = await ideaDue(due, {
      structureId: null,
      themeId: (await db.select({ id: ideaThemes.id }).from(ideaThemes).limit(1))[0]!.id,
    });
    await runAnswerDeadlines(db, new Date(due.getTime() + DAY), env);
    expect(await levelOf(idea.id)).toBe(1);
    expect((await mailsTo(database, central.email!)).some((m) => m.textBody.includes(idea.title))).toBe(true);
    expect((await mailsTo(database, lead.email!)).some((m) => m.textBody.includes(idea.title))).toBe(false);
  });
});
