import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../test/accounts.js";
import { Agent, createTestApp } from "../../../test/app.js";
import { mailsTo } from "../../../test/mail.js";
import { HOME_STRUCTURE } from "../../../test/role-matrix.js";
import { accounts } from "../../core/auth/tables.js";
import { saveModerationRules } from "../moderation/rules.js";
import { moderationItems } from "../moderation/tables.js";
import { budgetProposalSupports, budgetProposals } from "./tables.js";
import { makeBudget, setPhase } from "./testing.js";

const testApp = await createTestApp();
const { app, database } = testApp;
const db = database.db;
await saveModerationRules(db, { newAccountDays: 0, words: ["escrocs"], burstMax: 100, burstMinutes: 1 });
const { agent: moderator } = await signedInAgent(app, database, {
  roles: [{ structure: "gov-tn-11", role: "moderator" }],
});
const { agent: staff } = await signedInAgent(app, database, {
  roles: [{ structure: HOME_STRUCTURE, role: "structure_admin" }],
});

const FIELDS = {
  place: "Place du marché",
  district: "north",
  cost: "8000",
};

async function proposeAs(agent: Agent, budgetId: string, title: string, description: string) {
  const sent = await agent.post(`/fr/budgets/${budgetId}/propose`, { ...FIELDS, title, description });
  expect(sent.statusCode).toBe(303);
  const id = /\/proposals\/([0-9a-f-]{36})$/.exec(sent.headers.location as string)![1]!;
  const [row] = await db.select().from(budgetProposals).where(eq(budgetProposals.id, id));
  return { sent, row: row! };
}

describe("moderation of proposals", () => {
  it("holds a proposal that hits the word list: its author alone sees it, it is in no list, nobody supports it, staff cannot accept it", async () => {
    const { budget } = await makeBudget(db, { structure: HOME_STRUCTURE, phase: "proposals" });
    const { agent: author } = await signedInAgent(app, database);
    const { sent, row } = await proposeAs(
      author,
      budget.id,
      "Chasser les escrocs du marché",
      "Les commerçants du marché sont des escrocs, il faut une clôture et un gardien la nuit.",
    );
    expect(row.moderationState).toBe("held");
    const [queued] = await db
      .select()
      .from(moderationItems)
      .where(and(eq(moderationItems.kind, "budget_proposal"), eq(moderationItems.itemId, row.id)));
    expect(queued?.holdCause).toBe("word_list");
    const path = `/fr/budgets/${budget.id}/proposals/${row.id}`;
    const own = await author.get(sent.headers.location as string);
    expect(own.body).toContain("un modérateur la vérifiera avant que d’autres puissent la voir");
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain("Chasser les escrocs du marché");
    expect(own.headers["cache-control"]).toContain("no-store");

    const { agent: other } = await signedInAgent(app, database);
    expect((await other.get(path)).statusCode).toBe(404);
    expect((await new Agent(app).get(path)).statusCode).toBe(404);
    expect((await new Agent(app).get(`/fr/budgets/${budget.id}`)).body).not.toContain("Chasser les escrocs");
    expect((await other.post(`${path}/support`, { support: "1" })).statusCode).toBe(404);
    expect(
      await db.select().from(budgetProposalSupports).where(eq(budgetProposalSupports.proposalId, row.id)),
    ).toEqual([]);

    // Staff see it, marked, but cannot put it on the ballot until a moderator releases it.
    const adminPage = await staff.get(`/fr/admin/budgets/${budget.id}`);
    expect(adminPage.body).toContain("Retenue pour vérification par la modération");
    const accept = await staff.post(`/fr/admin/budgets/${budget.id}/proposals/${row.id}/review`, {
      decision: "accepted",
    });
    expect(accept.statusCode).toBe(422);
    expect(accept.body).toContain("Cette proposition est retenue pour vérification par la modération");
    const [after] = await db.select().from(budgetProposals).where(eq(budgetProposals.id, row.id));
    expect(after!.status).toBe("submitted");

    // The moderator sees it in the queue and releases it: then it is public, and can be accepted.
    const queue = await moderator.get("/fr/moderation");
    expect(queue.body).toContain("Proposition de budget participatif (1)");
    expect(queue.body).toContain("Chasser les escrocs du marché");
    expect(
      (
        await moderator.post(`/fr/moderation/items/budget_proposal/${row.id}`, {
          decision: "restore",
          reason: "Critique d’intérêt général.",
        })
      ).statusCode,
    ).toBe(303);
    expect((await other.get(path)).statusCode).toBe(200);
    expect(
      (
        await staff.post(`/fr/admin/budgets/${budget.id}/proposals/${row.id}/review`, {
          decision: "accepted",
        })
      ).statusCode,
    ).toBe(303);
  });

  it("lets people report a proposal; a moderator hides it: the author is mailed the reason, others get 404, staff review and ballot lose it", async () => {
    const { budget } = await makeBudget(db, { structure: HOME_STRUCTURE, phase: "proposals" });
    const { agent: author, account } = await signedInAgent(app, database, {
      email: "auteur.budget@example.tn",
    });
    const { row } = await proposeAs(
      author,
      budget.id,
      "Un terrain de sport pour le quartier",
      "Le voisin du 12 vole l’eau de la fontaine, voici son nom et son numéro de téléphone : 22 000 000.",
    );
    expect(row.moderationState).toBe("visible");
    const path = `/fr/budgets/${budget.id}/proposals/${row.id}`;

    const { agent: reader } = await signedInAgent(app, database);
    expect((await reader.get(path)).body).toContain(`/fr/flag/budget_proposal/${row.id}`);
    expect((await new Agent(app).get(path)).body).not.toContain("/flag/budget_proposal/");
    expect(
      (await reader.post(`/fr/flag/budget_proposal/${row.id}`, { reason: "personal_data" })).statusCode,
    ).toBe(303);
    const queue = await moderator.get("/fr/moderation");
    expect(queue.body).toContain("Un terrain de sport pour le quartier");

    const hide = await moderator.post(`/fr/moderation/items/budget_proposal/${row.id}`, {
      decision: "hide",
      reason: "Données personnelles d’un voisin.",
    });
    expect(hide.statusCode).toBe(303);
    const [mail] = await mailsTo(database, account.email!);
    expect(mail!.textBody).toContain("Données personnelles d’un voisin.");
    expect(mail!.textBody).toContain(`/budgets/${budget.id}/proposals/${row.id}`);

    expect((await reader.get(path)).statusCode).toBe(404);
    expect((await new Agent(app).get(path)).statusCode).toBe(404);
    expect((await new Agent(app).get(`/fr/budgets/${budget.id}`)).body).not.toContain("Un terrain de sport");
    // Its author still finds it, as a tombstone with the reason, without its text.
    const own = await author.get(path);
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain("Cette contribution a été masquée par la modération.");
    expect(own.body).toContain("Données personnelles d’un voisin.");
    expect(own.body).not.toContain("22 000 000");

    // Out of the staff review; it cannot be accepted onto the ballot.
    expect((await staff.get(`/fr/admin/budgets/${budget.id}`)).body).not.toContain("Un terrain de sport");
    expect(
      (
        await staff.post(`/fr/admin/budgets/${budget.id}/proposals/${row.id}/review`, {
          decision: "accepted",
        })
      ).statusCode,
    ).toBe(404);
    const [after] = await db.select().from(budgetProposals).where(eq(budgetProposals.id, row.id));
    expect(after!.status).toBe("submitted");
  });
});

describe("a project hidden by moderation after it reached the ballot", () => {
  it("stays on the ballot and in the results with its code and votes, without its text or a link", async () => {
    const { budget, proposals } = await makeBudget(db, {
      structure: HOME_STRUCTURE,
      phase: "voting",
      proposals: [
        { code: "P-001", cost: 10_000 },
        { code: "P-002", cost: 5_000 },
      ],
    });
    const [hidden, kept] = proposals;
    await db
      .update(budgetProposals)
      .set({ moderationState: "hidden", moderationReason: "Propos injurieux." })
      .where(eq(budgetProposals.id, hidden!.id));
    const { agent: voter, account } = await signedInAgent(app, database);
    await db.update(accounts).set({ identityVerifiedAt: new Date() }).where(eq(accounts.id, account.id));
    const ballot = await voter.get(`/en/budgets/${budget.id}/vote`);
    expect(ballot.statusCode).toBe(200);
    expect(ballot.body).toContain(`value="${hidden!.id}"`);
    expect(ballot.body).toContain("P-001 · Text withdrawn by moderation");
    expect(ballot.body).not.toContain(plainTitle(hidden!.title));
    expect(ballot.body).toContain(plainTitle(kept!.title));
    const cast = await voter.post(`/en/budgets/${budget.id}/vote`, {
      proposal: [hidden!.id, kept!.id],
      action: "cast",
    });
    expect(cast.statusCode).toBe(200);
    await setPhase(db, budget.id, "results");
    const results = await new Agent(app).get(`/en/budgets/${budget.id}`);
    expect(results.statusCode).toBe(200);
    expect(results.body).toContain("P-001 · Text withdrawn by moderation");
    expect(results.body).not.toContain(plainTitle(hidden!.title));
    expect(results.body).not.toContain(`/proposals/${hidden!.id}"`);
    expect(results.body).toContain(`/proposals/${kept!.id}"`);
  });
});

/** A proposal's title as the page shows it in English (makeBudget gives every language). */
const plainTitle = (title: Record<string, string | undefined>) => title.en ?? title.fr ?? "";
