import { sql } from "drizzle-orm";
import { rowsOf } from "../src/db/client.js";
import { maintainDatabase } from "../src/db/maintenance.js";
import { describeEngine, type EngineInfo, startRealApp } from "./lib/app-server.js";
import { childFailed, childReady, onStop } from "./lib/child-server.js";
import { seedBenchConsultation } from "./lib/consultation-seed.js";
import { explainAnalyze } from "./lib/plans.js";

/**
 * Child process of bench/consultation.ts: the real app, and the bench consultation of
 * lib/consultation-seed.ts (5,000 comments by default), maintained as the server does every hour.
 */

export interface ConsultationServer {
  url: string;
  engine: EngineInfo;
  consultationId: string;
  sectionId: string;
  /** A comment of the whole text with replies (its thread's page). */
  threadId: string;
  counts: { comments: number; wholeText: number; firstSection: number };
  seedSeconds: number;
  /** EXPLAIN ANALYZE of the page's queries on the whole text's comments. */
  plans: { page: string; count: string };
}

try {
  const real = await startRealApp();
  const { app, database } = real;
  const started = performance.now();
  const { id, created } = await seedBenchConsultation(database);
  // What the server's hourly maintenance has done since (PGlite has no autovacuum; nothing on PostgreSQL).
  await maintainDatabase(database);
  const seedSeconds = created ? (performance.now() - started) / 1000 : 0;
  const db = database.db;
  const [section] = rowsOf<{ id: string }>(
    await db.execute(
      sql`select id from consultation_sections where consultation_id = ${id} order by position limit 1`,
    ),
  );
  const [thread] = rowsOf<{ id: string }>(
    await db.execute(sql`
      select root_id as id from consultation_comments
      where consultation_id = ${id} and section_id is null and root_id is not null
      group by root_id order by count(*) desc limit 1`),
  );
  const [counts] = rowsOf<{ comments: number; whole: number; first: number }>(
    await db.execute(sql`
      select count(*)::int as comments,
        (count(*) filter (where section_id is null and parent_id is null))::int as whole,
        (count(*) filter (where section_id = ${section!.id} and parent_id is null))::int as first
      from consultation_comments where consultation_id = ${id}`),
  );
  const plans = {
    page: await explainAnalyze(
      database,
      sql`select c.id from consultation_comments c left join accounts a on a.id = c.author_id
        where c.consultation_id = ${id} and c.section_id is null and c.parent_id is null
        order by c.created_at desc limit 20 offset 0`,
    ),
    count: await explainAnalyze(
      database,
      sql`select count(*) from consultation_comments
        where consultation_id = ${id} and section_id is null and parent_id is null`,
    ),
  };
  onStop(async () => {
    await app.close();
    await database.close();
  });
  childReady<ConsultationServer>({
    url: real.url,
    engine: await describeEngine(database),
    consultationId: id,
    sectionId: section!.id,
    threadId: thread!.id,
    counts: { comments: counts!.comments, wholeText: counts!.whole, firstSection: counts!.first },
    seedSeconds,
    plans,
  });
} catch (error) {
  childFailed(error);
}
