import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { structures } from "../../core/structures/tables.js";
import type { Db } from "../../db/client.js";
import type { Phase } from "./phase.js";
import { budgetDistricts, budgetProposals, budgets } from "./tables.js";

const DAY = 86_400_000;

/** Phase dates around now that put a budget in `phase`. */
export function datesFor(phase: Exclude<Phase, "upcoming">, now = Date.now()) {
  const index = ["proposals", "review", "voting", "results", "implementation"].indexOf(phase);
  const at = (i: number) => new Date(now + (i - index) * 10 * DAY - (i <= index ? 1 : 0) * DAY);
  return {
    proposalsFrom: at(0),
    reviewFrom: at(1),
    votingFrom: at(2),
    resultsFrom: at(3),
    implementationFrom: at(4),
  };
}

/**
 * A budget of a structure for tests, in a phase: 100 000 TND, two districts (north 40 000,
 * south 30 000) and a city-wide pool of 30 000; proposals as given (accepted unless said).
 */
export async function makeBudget(
  db: Db,
  options: {
    structure: string;
    phase: Exclude<Phase, "upcoming">;
    minSharePercent?: number;
    proposals?: Array<{
      code: string;
      district?: "north" | "south";
      cost: number;
      status?: "submitted" | "accepted";
    }>;
  },
) {
  const [s] = await db.select().from(structures).where(eq(structures.code, options.structure));
  const [budget] = await db
    .insert(budgets)
    .values({
      code: `test-${randomBytes(4).toString("hex")}`,
      structureId: s!.id,
      title: {
        ar: "ميزانية تشاركية تجريبية",
        fr: "Budget participatif d’essai",
        en: "Test participatory budget",
      },
      description: { fr: "Un budget pour les essais." },
      amountMillimes: 100_000_000,
      minSharePercent: options.minSharePercent ?? 0,
      voterKeySalt: randomBytes(16).toString("hex"),
      ...datesFor(options.phase),
    })
    .returning();
  const districts = await db
    .insert(budgetDistricts)
    .values([
      {
        budgetId: budget!.id,
        code: "north",
        name: { fr: "Nord", en: "North", ar: "الشمال" },
        shareMillimes: 40_000_000,
      },
      {
        budgetId: budget!.id,
        code: "south",
        name: { fr: "Sud", en: "South", ar: "الجنوب" },
        shareMillimes: 30_000_000,
      },
    ])
    .returning();
  const proposals = [];
  for (const p of options.proposals ?? []) {
    const [row] = await db
      .insert(budgetProposals)
      .values({
        budgetId: budget!.id,
        code: p.code,
        districtId: p.district ? districts.find((d) => d.code === p.district)!.id : null,
        title: { fr: `Projet ${p.code}`, en: `Project ${p.code}`, ar: `مشروع ${p.code}` },
        description: { fr: "Description du projet." },
        costMillimes: p.cost * 1000,
        status: p.status ?? "accepted",
      })
      .returning();
    proposals.push(row!);
  }
  return { budget: budget!, districts, proposals };
}

/** Moves a budget into another phase. */
export async function setPhase(db: Db, budgetId: string, phase: Exclude<Phase, "upcoming">) {
  await db.update(budgets).set(datesFor(phase)).where(eq(budgets.id, budgetId));
}
