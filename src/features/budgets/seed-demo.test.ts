import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestApp } from "../../../test/app.js";
import { databaseFileStore } from "../../core/files/database-store.js";
import { ballotProblem } from "./ballot-rules.js";
import { listDistricts, publishedBallots } from "./queries.js";
import { budgetProposalPhotos, budgetProposals, budgets } from "./tables.js";
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
    // Two proposals carry a photo, with its description, and its small copy leads their line in the
    // list. The demo wrote the files to the database's own store (the template's; a test app serves its own).
    expect(page.body.match(/\/photos\/1\/thumb"/g)).toHaveLength(2);
    const photos = await db
      .select()
      .from(budgetProposalPhotos)
      .where(
        inArray(
          budgetProposalPhotos.proposalId,
          proposals.map((p) => p.id),
        ),
      );
    expect(photos).toHaveLength(2);
    for (const photo of photos) {
      expect(await databaseFileStore(db).get(photo.fileKey)).not.toBeNull();
      expect(await databaseFileStore(db).get(photo.thumbKey)).not.toBeNull();
    }
    const [first] = proposals.filter((p) => p.code === "P-001");
    const shown = await app.inject(`/fr/budgets/${budget!.id}/proposals/${first!.id}`);
    expect(shown.body).toContain('alt="الحديقة اليوم: عشب ومسلك ترابي وشجرتان ومقعد واحد"');
    const ar = await app.inject(`/ar/budgets/${budget!.id}/vote`);
    expect(ar.body).toContain("تهيئة حديقة نهج مرسيليا");
    expect(ar.body).toContain("بطاقة التصويت");
  });
});
