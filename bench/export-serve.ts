import { sql } from "drizzle-orm";
import { rowsOf } from "../src/db/client.js";
import { startRealApp } from "./lib/app-server.js";
import { childFailed, childReady, onStop } from "./lib/child-server.js";

/**
 * Child process of bench/export.ts: the real app, and a published consultation holding
 * EXPORT_COMMENTS comments from 20,000 accounts (inserted once per database with generate_series,
 * kept for later runs).
 */

export const EXPORT_COMMENTS = Number(process.env.BENCH_EXPORT_COMMENTS ?? 1_000_000);

export interface ExportServer {
  url: string;
  engine: string;
  comments: number;
  seedSeconds: number;
}

try {
  const real = await startRealApp();
  const db = real.database.db;
  const count = async () =>
    Number(
      rowsOf<{ n: number }>(
        await db.execute(sql`select count(*)::int as n from consultation_comments m
          join consultations c on c.id = m.consultation_id where c.visibility = 'published'`),
      )[0]?.n ?? 0,
    );
  let seedSeconds = 0;
  if ((await count()) < EXPORT_COMMENTS) {
    const started = performance.now();
    await db.execute(sql`
      insert into accounts (id, email, display_name, email_verified_at)
      select gen_random_uuid(), 'bench-export-' || n || '@example.tn', 'Bench ' || n, now()
      from generate_series(1, 20000) n on conflict do nothing`);
    const [consultation] = rowsOf<{ id: string }>(
      await db.execute(sql`
        insert into consultations (id, structure_id, title, summary, body, theme, area, visibility, published_at, opens_at, closes_at)
        select gen_random_uuid(), s.id, '{"fr":"Banc d''essai des exports"}', '{"fr":"Résumé"}', '{"fr":"Texte"}',
          'governance', 'national', 'published', now(), now() - interval '30 days', now() + interval '30 days'
        from structures s where s.code = 'gov-tn-11' returning id`),
    );
    const [section] = rowsOf<{ id: string }>(
      await db.execute(sql`
        insert into consultation_sections (id, consultation_id, position, title, body)
        values (gen_random_uuid(), ${consultation!.id}, 1, '{"fr":"Article 1"}', '{"fr":"Texte de l''article"}')
        returning id`),
    );
    const authors = sql`(select array_agg(id) from accounts where email like 'bench-export-%')`;
    for (let from = 1; from <= EXPORT_COMMENTS; from += 100_000) {
      const to = Math.min(from + 99_999, EXPORT_COMMENTS);
      await db.execute(sql`
        insert into consultation_comments (id, consultation_id, section_id, depth, author_id, body, alignment, support_count, created_at, updated_at)
        select gen_random_uuid(), ${consultation!.id}, ${section!.id}, 0, a.ids[1 + n % array_length(a.ids, 1)],
          'Contribution numéro ' || n || ' : cet article devrait préciser les délais et les voies de recours.',
          (array['for', 'against', 'neutral'])[1 + n % 3]::comment_alignment, n % 7,
          now() - (n || ' seconds')::interval, now()
        from generate_series(${from}::int, ${to}::int) n cross join (select ${authors} as ids) a`);
    }
    await db.execute(sql`vacuum analyze consultation_comments`);
    seedSeconds = (performance.now() - started) / 1000;
  }
  onStop(async () => {
    await real.app.close();
    await real.database.close();
  });
  childReady<ExportServer>({
    url: real.url,
    engine: real.engine.label,
    comments: await count(),
    seedSeconds,
  });
} catch (error) {
  childFailed(error);
}
