import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createAccount } from "../../../test/accounts.js";
import { createTestApp } from "../../../test/app.js";
import { HOME_STRUCTURE } from "../../../test/role-matrix.js";
import { setProposalSupport } from "./commands/support.js";
import { budgetsManifest } from "./manifest.js";
import { budgetProposals } from "./tables.js";
import { makeBudget } from "./testing.js";

const { database } = await createTestApp();
const db = database.db;

async function authored(mode: "anonymise" | "remove") {
  const person = await createAccount(database);
  const { budget, proposals } = await makeBudget(db, {
    structure: HOME_STRUCTURE,
    phase: "proposals",
    proposals: [
      { code: "P-001", cost: 1000, status: "submitted" },
      { code: "P-002", cost: 1000 },
      { code: "P-003", cost: 1000, status: "submitted" },
    ],
  });
  for (const p of proposals)
    await db.update(budgetProposals).set({ authorId: person.id }).where(eq(budgetProposals.id, p.id));
  await setProposalSupport(db, proposals[1]!.id, person.id, true);
  await db.transaction((tx) => budgetsManifest.forgetAccount!(tx, person.id, mode));
  return db
    .select()
    .from(budgetProposals)
    .where(eq(budgetProposals.budgetId, budget.id))
    .orderBy(budgetProposals.code);
}

describe("a deleted account's proposals", () => {
  it("stay without their author when anonymised, supports kept", async () => {
    const rows = await authored("anonymise");
    expect(rows.map((r) => [r.code, r.authorId, r.supportCount])).toEqual([
      ["P-001", null, 0],
      ["P-002", null, 1],
      ["P-003", null, 0],
    ]);
  });

  it("go when not yet reviewed and removal is asked, reviewed ones stay without author, supports withdrawn", async () => {
    const rows = await authored("remove");
    expect(rows.map((r) => [r.code, r.authorId, r.supportCount])).toEqual([["P-002", null, 0]]);
  });
});
