import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createAccount } from "../../../../test/accounts.js";
import { createTestApp } from "../../../../test/app.js";
import { consultationCommentSupports, consultationComments, consultationResponses } from "../tables.js";
import { createTestConsultation } from "../testing.js";
import { forgetConsultationAccount } from "./forget-account.js";

const { database } = await createTestApp();
const db = database.db;

async function fixture() {
  const { consultation: c } = await createTestConsultation(db, { phase: "open" });
  const [leaver, other] = [await createAccount(database), await createAccount(database)];
  const [mine] = await db
    .insert(consultationComments)
    .values({ consultationId: c.id, authorId: leaver.id, body: "Mon avis personnel", alignment: "for" })
    .returning();
  const [theirs] = await db
    .insert(consultationComments)
    .values({
      consultationId: c.id,
      authorId: other.id,
      body: "Une réponse",
      parentId: mine!.id,
      rootId: mine!.id,
      depth: 1,
      supportCount: 1,
    })
    .returning();
  await db.insert(consultationCommentSupports).values({ commentId: theirs!.id, accountId: leaver.id });
  await db.insert(consultationResponses).values({ consultationId: c.id, accountId: leaver.id });
  return { leaver, mine: mine!, theirs: theirs! };
}

describe("forgetting an account", () => {
  it("removes its supports and answers, and empties its comments behind a tombstone, when asked to remove", async () => {
    const { leaver, mine, theirs } = await fixture();
    await forgetConsultationAccount(db, leaver.id, "remove");
    const [gone] = await db.select().from(consultationComments).where(eq(consultationComments.id, mine.id));
    expect(gone).toMatchObject({ status: "removed", body: "", authorId: null });
    const [reply] = await db
      .select()
      .from(consultationComments)
      .where(eq(consultationComments.id, theirs.id));
    expect(reply).toMatchObject({ status: "visible", supportCount: 0 });
    expect(await db.$count(consultationResponses, eq(consultationResponses.accountId, leaver.id))).toBe(0);
  });

  it("keeps its contributions when asked to anonymise", async () => {
    const { leaver, mine } = await fixture();
    await forgetConsultationAccount(db, leaver.id, "anonymise");
    const [kept] = await db.select().from(consultationComments).where(eq(consultationComments.id, mine.id));
    expect(kept).toMatchObject({ status: "visible", body: "Mon avis personnel" });
    expect(await db.$count(consultationResponses, eq(consultationResponses.accountId, leaver.id))).toBe(1);
  });
});
