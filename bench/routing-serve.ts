import { eq } from "drizzle-orm";
import { accounts } from "../src/core/auth/tables.js";
import { memberships } from "../src/core/authz/tables.js";
import { structures } from "../src/core/structures/tables.js";
import { caseRoutingRules } from "../src/features/cases/workspace/tables.js";
import { structureCategories } from "../src/features/structures/tables.js";
import { startRealApp } from "./lib/app-server.js";
import { childFailed, childReady, onStop } from "./lib/child-server.js";
import type { PlatformServers } from "./serve.js";

/**
 * Child process of bench/routing.ts: the real app, with a category of the Municipality of Tunis
 * whose requests from the governorate of Tunis a rule sends to the Governorate of Tunis and hands
 * to the least-loaded of its ROUTING_AGENTS agents (the costliest path: another structure, its
 * legal clock recounted, every agent's open workload counted, the agent's mail queued). Requests of
 * that category from any other governorate match no rule.
 */

export const ROUTING_AGENTS = 5;
export interface RoutingServer extends Pick<PlatformServers, "appUrl" | "engine"> {
  categoryId: string;
}

try {
  const real = await startRealApp();
  const db = real.database.db;
  const idOf = async (code: string) =>
    (await db.select({ id: structures.id }).from(structures).where(eq(structures.code, code)))[0]!.id;
  const [category] = await db
    .insert(structureCategories)
    .values({
      structureId: await idOf("mun-tn-11"),
      code: "bench-roads",
      name: { ar: "الطرقات", fr: "Voirie", en: "Roads" },
    })
    .returning();
  const target = await idOf("gov-tn-11");
  for (let i = 1; i <= ROUTING_AGENTS; i++) {
    const [agent] = await db
      .insert(accounts)
      .values({
        email: `bench-routing-${i}@example.tn`,
        displayName: `Bench agent ${i}`,
        emailVerifiedAt: new Date(),
      })
      .returning();
    await db.insert(memberships).values({ accountId: agent!.id, structureId: target, role: "agent" });
  }
  await db.insert(caseRoutingRules).values({
    categoryId: category!.id,
    governorateCode: "TN-11",
    targetStructureId: target,
    assignment: "least_loaded",
  });
  onStop(async () => {
    await real.app.close();
    await real.database.close();
  });
  childReady<RoutingServer>({ appUrl: real.url, engine: real.engine, categoryId: category!.id });
} catch (error) {
  childFailed(error);
}
