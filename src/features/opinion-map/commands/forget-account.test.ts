import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createAccount } from "../../../../test/accounts.js";
import { createTestApp } from "../../../../test/app.js";
import { createTestConsultation } from "../../consultations/testing.js";
import { opinionMaps, opinionStatements, opinionVotes } from "../tables.js";
import { forgetOpinionMapAccount } from "./forget-account.js";

const { database } = await createTestApp();
const db = database.db;

async function fixture() {
  const { consultation: c } = await createTestConsultation(db, { phase: "open" });
  const leaver = await createAccount(database);
  const [mine] = await db
    .insert(opinionStatements)
    .values({ consultationId: c.id, body: { fr: "Ma proposition" }, authorId: leaver.id, status: "approved" })
    .returning();
  await db
    .insert(opinionVotes)
    .values({ statementId: mine!.id, accountId: leaver.id, consultationId: c.id, vote: 1 });
  return { c, leaver, mine: mine! };
}

describe("forgetting an account", () => {
  it("removes its votes and its statements when asked to remove, and marks the map for recomputing", async () => {
    const { c, leaver, mine } = await fixture();
    await forgetOpinionMapAccount(db, leaver.id, "remove");
    expect(await db.select().from(opinionVotes).where(eq(opinionVotes.accountId, leaver.id))).toEqual([]);
    expect(await db.select().from(opinionStatements).where(eq(opinionStatements.id, mine.id))).toEqual([]);
    const [map] = await db.select().from(opinionMaps).where(eq(opinionMaps.consultationId, c.id));
    expect(map?.staleSince).not.toBeNull();
  });

  it("keeps its statements, anonymous, when asked to anonymise", async () => {
    const { leaver, mine } = await fixture();
    await forgetOpinionMapAccount(db, leaver.id, "anonymise");
    expect(await db.select().from(opinionVotes).where(eq(opinionVotes.accountId, leaver.id))).toEqual([]);
    const [kept] = await db.select().from(opinionStatements).where(eq(opinionStatements.id, mine.id));
    expect(kept?.authorId).toBeNull();
    expect(kept?.body.fr).toBe("Ma proposition");
  });
});
