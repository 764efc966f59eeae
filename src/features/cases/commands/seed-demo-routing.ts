import { and, eq } from "drizzle-orm";
import { accounts } from "../../../core/auth/tables.js";
import { structures } from "../../../core/structures/tables.js";
import type { Db } from "../../../db/client.js";
import { structureCategories } from "../../structures/tables.js";
import { caseTeamMembers, caseTeams } from "../tables.js";
import { caseRoutingRules, type RoutingAssignment } from "../workspace/tables.js";
import { listTeamCandidates } from "../workspace/teams.js";

/** The demo's routing rules, by a key the demo requests name in `routedBy`. */
const DEMO_RULES: Record<
  string,
  {
    owner: string;
    category: string;
    governorate: string | null;
    target: string;
    assignment: RoutingAssignment;
    agentEmail?: string;
    /** The rule sends its requests to the demo team (DEMO_TEAM). */
    team?: boolean;
  }
> = {
  // Broken street lights in Tunis go straight to the municipality's agent on call.
  lighting: {
    owner: "mun-tn-11",
    category: "public-lighting",
    governorate: "TN-11",
    target: "mun-tn-11",
    assignment: "agent",
    agentEmail: "agent@demo.sharek.tn",
  },
  // Roads and pavements, from anywhere: the least-loaded agent of the municipality's roads team.
  roads: {
    owner: "mun-tn-11",
    category: "roads-pavements",
    governorate: null,
    target: "mun-tn-11",
    assignment: "least_loaded",
    team: true,
  },
  // Missing medicines in Kairouan: the ministry's agents in turn.
  medicines: {
    owner: "min-health",
    category: "medicine-availability",
    governorate: "TN-41",
    target: "min-health",
    assignment: "round_robin",
  },
};

export interface DemoRule {
  id: string;
  assignment: RoutingAssignment;
  agentId: string | null;
  anyPlace: boolean;
  /** The team its requests join (the demo team), or null. */
  teamId: string | null;
}

/** The demo's team: the Municipality of Tunis's roads and street lighting team, with its agents. */
const DEMO_TEAM = {
  structure: "mun-tn-11",
  name: {
    ar: "فريق الطرقات والتنوير العمومي",
    fr: "Équipe voirie et éclairage public",
    en: "Roads and street lighting team",
  },
};

/** Adds the demo team with every agent of its structure; its id, or null when the structure is missing. */
export async function seedDemoTeam(db: Db): Promise<string | null> {
  const [structure] = await db
    .select({ id: structures.id })
    .from(structures)
    .where(eq(structures.code, DEMO_TEAM.structure));
  if (!structure) return null;
  const [team] = await db
    .insert(caseTeams)
    .values({ structureId: structure.id, name: DEMO_TEAM.name })
    .returning({ id: caseTeams.id });
  const agents = await listTeamCandidates(db, structure.id);
  if (agents.length > 0)
    await db.insert(caseTeamMembers).values(agents.map((a) => ({ teamId: team!.id, accountId: a.id })));
  return team!.id;
}

/** Adds the demo routing rules whose category, structure and agent exist; their ids by key. */
export async function seedDemoRoutingRules(db: Db): Promise<Map<string, DemoRule>> {
  const made = new Map<string, DemoRule>();
  const teamId = await seedDemoTeam(db);
  for (const [key, rule] of Object.entries(DEMO_RULES)) {
    const [category] = await db
      .select({ id: structureCategories.id })
      .from(structureCategories)
      .innerJoin(structures, eq(structures.id, structureCategories.structureId))
      .where(and(eq(structures.code, rule.owner), eq(structureCategories.code, rule.category)));
    const [target] = await db
      .select({ id: structures.id })
      .from(structures)
      .where(eq(structures.code, rule.target));
    const [agent] = rule.agentEmail
      ? await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, rule.agentEmail))
      : [];
    if (!category || !target || (rule.agentEmail && !agent)) continue;
    const [row] = await db
      .insert(caseRoutingRules)
      .values({
        categoryId: category.id,
        governorateCode: rule.governorate,
        targetStructureId: target.id,
        targetTeamId: rule.team ? teamId : null,
        assignment: rule.assignment,
        targetAgentId: agent?.id ?? null,
      })
      .returning({ id: caseRoutingRules.id });
    made.set(key, {
      id: row!.id,
      assignment: rule.assignment,
      agentId: agent?.id ?? null,
      anyPlace: rule.governorate === null,
      teamId: rule.team ? teamId : null,
    });
  }
  return made;
}
