import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestApp } from "../../../test/app.js";
import { ballotProblem } from "./ballot-rules.js";
import { listDistricts, publishedBallots } from "./queries.js";
import { budgetProposals, budgets } from "./tables.js";
import { poolsOf } from "./tally.js";

const { app, database } = await createTestApp({ demo: true });

describe("the demo participatory budget", () => {
  it("is the Municipality of Tunis's, in the voting phase, with proposals in ar, fr and en and valid ballots", async () => {
    const db = database.db;
    const [budget] = await db.select().from(budgets).where(eq(budgets.code, "mun-tn-11-2027"));
    expect(budget).toBeDefined();
    const proposals = await db.select().from(budgetProposals).where(eq(budgetProposals.budgetId, budget!.id));
    expect(proposals.length).toBeGreaterThan(8);
    for (const p of proposals) expect(Object.keys(p.title).sort()).toEqual(["ar", "en", "fr"]);
    expect(proposals.filter((p) => p.status === "rejected" && p.reason?.fr)).toHaveLength(1);
    expect(proposals.filter((p) => p.status === "merged" && p.mergedIntoId)).toHaveLength(1);
    const pools = poolsOf(budget!.amountMillimes, await listDistricts(db, budget!.id));
    const ballots = await publishedBallots(db, budget!);
    expect(ballots.length).toBeGreaterThan(5);
    const byCode = new Map(proposals.map((p) => [p.code, p]));
    for (const b of ballots) {
      const chosen = b.proposals.map((c) => byCode.get(c)!);
      expect(
        ballotProblem(
          budget!,
          pools,
          chosen.map((p) => p.id),
          chosen,
        ),
      ).toBeNull();
    }
    const page = await app.inject(`/fr/budgets/${budget!.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Budget participatif 2027 de la Municipalité de Tunis");
    expect(page.body).toContain("Voter");
    const ar = await app.inject(`/ar/budgets/${budget!.id}/vote`);
    expect(ar.body).toContain("تهيئة حديقة نهج مرسيليا");
    expect(ar.body).toContain("بطاقة التصويت");
  });
});
