import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { requirePlatformAdmin, requireStaff } from "../../core/auth/plugin.js";
import { structuresWithRole } from "../../core/authz/actor.js";
import { csvText } from "../../core/csv.js";
import { ForbiddenError } from "../../core/errors/app-error.js";
import { listPlanResults } from "../accountability/queries.js";
import { listSubtreeIds } from "../structures/queries.js";
import { ADMIN_TABLES, levelRow, MONTHS, NATIONAL_TABLES, type Row, usageRows } from "./exports.js";
import { lastRefresh, listOverdue, listServiceLevels, nationalFigures } from "./level-queries.js";
import { mechanismsOf } from "./mechanisms.js";
import { canInsights } from "./policy.js";
import {
  accountsByMonth,
  funnel,
  lastMonths,
  type Scope,
  sinceRefresh,
  usageByGovernorate,
  usageByMonth,
  usageByStructure,
} from "./queries.js";
import { DashboardPage } from "./views/dashboard-page.js";
import { PlanPage } from "./views/plan-page.js";
import { TransparencyPage } from "./views/transparency-page.js";

function csv(reply: FastifyReply, name: string, rows: Row[]) {
  return reply
    .type("text/csv; charset=utf-8")
    .header("content-disposition", `attachment; filename="${name}.csv"`)
    .send(csvText(rows));
}

/**
 * Insights: the admin dashboard (/admin/insights, its tables as CSV), the action plan's results
 * (/admin/insights/plan, kept in accountability) and the public transparency page (/transparency). Every figure comes from
 * the rollups refresh.ts rebuilds, except the overdue list (read through the deadline index).
 */
export const insightsFeature: FastifyPluginAsync = async (app) => {
  /** What the features declare as contributions (their manifests' `contributions`), in order. */
  const mechanisms = mechanismsOf(app.features);
  const names = mechanisms.map((m) => m.name);

  /** The structures whose figures the reader may see: all for platform admins, else their subtrees. */
  async function scopeOf(request: FastifyRequest): Promise<Scope> {
    if (!canInsights(request.actor, "viewDashboard")) throw new ForbiddenError();
    if (request.actor.platformAdmin) return null;
    const ids = new Set<string>();
    for (const root of structuresWithRole(request.actor, "structure_admin")) {
      for (const id of await listSubtreeIds(app.db, root)) ids.add(id);
    }
    return [...ids];
  }

  app.get("/admin/insights", { preHandler: requireStaff }, async (request, reply) => {
    const scope = await scopeOf(request);
    const national = canInsights(request.actor, "viewNational");
    const now = new Date();
    const months = lastMonths(now, MONTHS);
    const refreshedAt = await lastRefresh(app.db);
    const key = `${months[0]}|${scope === null ? "all" : [...scope].sort().join(",")}`;
    const [rollups, funnelRows, overdue] = await Promise.all([
      sinceRefresh(app.db, refreshedAt, `dashboard|${national}|${key}`, async () => {
        const [usage, governorates, structures, accounts, levels] = await Promise.all([
          usageByMonth(app.db, months, scope, names),
          usageByGovernorate(app.db, scope),
          usageByStructure(app.db, scope, names),
          national ? accountsByMonth(app.db, months) : null,
          listServiceLevels(app.db, scope),
        ]);
        return { usage, governorates, structures, accounts, levels };
      }),
      national ? funnel(app.db, now) : null,
      listOverdue(app.db, scope, now),
    ]);
    const { usage, governorates, structures, accounts, levels } = rollups;
    reply.noStore();
    return reply.render(
      <DashboardPage
        national={national}
        mechanisms={mechanisms}
        usage={usage}
        governorates={governorates}
        structures={structures}
        accounts={accounts}
        funnel={funnelRows}
        levels={levels}
        overdue={overdue}
        refreshedAt={refreshedAt}
      />,
    );
  });

  for (const [table, rowsOf] of Object.entries(ADMIN_TABLES)) {
    app.get(`/admin/insights/${table}.csv`, { preHandler: requireStaff }, async (request, reply) => {
      const scope = await scopeOf(request);
      if (NATIONAL_TABLES.has(table) && !canInsights(request.actor, "viewNational"))
        throw new ForbiddenError();
      reply.noStore();
      return csv(reply, `insights-${table}`, await rowsOf(app.db, new Date(), scope, names));
    });
  }

  // --- The action plan: results of origin "plan" (accountability), kept by platform admins there.
  app.get("/admin/insights/plan", { preHandler: requirePlatformAdmin }, async (request, reply) => {
    if (!canInsights(request.actor, "managePlan")) throw new ForbiddenError();
    return reply.noStore().render(<PlanPage milestones={await listPlanResults(app.db)} />);
  });

  // --- Public: the transparency page and its tables.
  app.get("/transparency", async (_request, reply) => {
    const now = new Date();
    const months = lastMonths(now, MONTHS);
    const [{ national, usage, levels }, milestones] = await Promise.all([
      sinceRefresh(app.db, await lastRefresh(app.db), `public|${months[0]}`, async () => {
        const [national, usage, levels] = await Promise.all([
          nationalFigures(app.db),
          usageByMonth(app.db, months, null, names),
          listServiceLevels(app.db, null),
        ]);
        return { national, usage, levels };
      }),
      listPlanResults(app.db),
    ]);
    reply.header("cache-control", "public, max-age=60");
    return reply.render(
      <TransparencyPage
        national={national}
        usage={usage}
        levels={levels.filter((l) => !l.small)}
        hidden={levels.filter((l) => l.small).length}
        milestones={milestones}
      />,
    );
  });
  app.get("/transparency/usage.csv", async (_request, reply) => {
    reply.header("cache-control", "public, max-age=60");
    return csv(reply, "transparency-usage", await usageRows(app.db, new Date(), null, names));
  });
  app.get("/transparency/service-levels.csv", async (_request, reply) => {
    reply.header("cache-control", "public, max-age=60");
    const levels = await listServiceLevels(app.db, null);
    return csv(reply, "transparency-service-levels", levels.filter((l) => !l.small).map(levelRow));
  });
};
