import { sql } from "drizzle-orm";
import { rowsOf } from "../src/db/client.js";
import { maintainDatabase } from "../src/db/maintenance.js";
import { describeEngine, type EngineInfo, startRealApp } from "./lib/app-server.js";
import { childFailed, childReady, onStop } from "./lib/child-server.js";
import { seedBenchDrafting } from "./lib/drafting-seed.js";
import { explainAnalyze } from "./lib/plans.js";

/** Child process of bench/drafting.ts: the real app and the bench consultation of lib/drafting-seed.ts. */

export interface DraftingServer {
  url: string;
  engine: EngineInfo;
  consultationId: string;
  sectionId: string;
  counts: { passages: number; amendments: number; words: number };
  seedSeconds: number;
  /** EXPLAIN ANALYZE of the section page's passage anchors and amendment counts. */
  plans: { passages: string; amendments: string };
}

try {
  const real = await startRealApp();
  const { app, database } = real;
  const started = performance.now();
  const { id, sectionId, created } = await seedBenchDrafting(database);
  await maintainDatabase(database);
  const seedSeconds = created ? (performance.now() - started) / 1000 : 0;
  const db = database.db;
  const [counts] = rowsOf<{ passages: number; amendments: number; words: number }>(
    await db.execute(sql`
      select
        (select count(*) from consultation_comments where section_id = ${sectionId} and anchor is not null)::int as passages,
        (select count(*) from consultation_amendments where section_id = ${sectionId})::int as amendments,
        (select array_length(regexp_split_to_array(body->>'ar', '\\s+'), 1) from consultation_sections where id = ${sectionId})::int as words`),
  );
  // The section page's two drafting queries (drafting/queries.ts: listPassageAnchors, countProposedAmendments).
  const plans = {
    passages: await explainAnalyze(
      database,
      sql`select anchor from consultation_comments
        where consultation_id = ${id} and section_id = ${sectionId} and anchor is not null
          and parent_id is null and status = 'visible' and moderation_state = 'visible'`,
    ),
    amendments: await explainAnalyze(
      database,
      sql`select paragraph, count(*)::int from consultation_amendments
        where consultation_id = ${id} and section_id = ${sectionId} and lang = 'ar'
          and status = 'proposed' and moderation_state = 'visible'
        group by paragraph`,
    ),
  };
  onStop(async () => {
    await app.close();
    await database.close();
  });
  childReady<DraftingServer>({
    url: real.url,
    engine: await describeEngine(database),
    consultationId: id,
    sectionId,
    counts: counts!,
    seedSeconds,
    plans,
  });
} catch (error) {
  childFailed(error);
}
