import { eq, sql } from "drizzle-orm";
import { structures } from "../../src/core/structures/tables.js";
import type { Database } from "../../src/db/client.js";
import { consultations } from "../../src/features/consultations/tables.js";

/**
 * An open consultation of the Governorate of Tunis holding BENCH_CONSULTATION_COMMENTS comments (by
 * default 5,000: four in five are comments, half on the whole text and half over its 10 sections,
 * one in five are replies), written by 1,000 accounts, with supports. Inserted once per database with
 * INSERT … SELECT generate_series, and kept for later runs (found again by its title).
 */
export const COMMENTS = Number(process.env.BENCH_CONSULTATION_COMMENTS ?? 5000);
const SECTIONS = 10;
const AUTHORS = 1000;
const TITLE = `Bench consultation (${COMMENTS} comments)`;

export async function seedBenchConsultation(database: Database): Promise<{ id: string; created: boolean }> {
  const db = database.db;
  const [existing] = await db
    .select({ id: consultations.id })
    .from(consultations)
    .where(eq(consultations.title, { en: TITLE }));
  if (existing) return { id: existing.id, created: false };
  const [structure] = await db
    .select({ id: structures.id })
    .from(structures)
    .where(eq(structures.code, "gov-tn-11"));
  if (!structure) throw new Error("no structure gov-tn-11: the reference seed did not run");
  const day = 24 * 3600_000;
  const [c] = await db
    .insert(consultations)
    .values({
      structureId: structure.id,
      title: { en: TITLE },
      summary: { en: "A consultation with many comments, for the bench." },
      body: {},
      theme: "local_governance",
      area: "national",
      visibility: "published",
      publishedAt: new Date(Date.now() - 40 * day),
      opensAt: new Date(Date.now() - 30 * day),
      closesAt: new Date(Date.now() + 30 * day),
    })
    .returning({ id: consultations.id });
  const id = c!.id;
  await db.execute(sql`
    insert into consultation_sections (id, consultation_id, position, title, body)
    select gen_random_uuid(), ${id}, n, jsonb_build_object('en', 'Article ' || n),
      jsonb_build_object('en', 'The text of article ' || n || ' of the bench consultation, a paragraph of a draft decree that citizens comment on, long enough to look like one.')
    from generate_series(1, ${SECTIONS}) n`);
  await db.execute(sql`
    insert into accounts (id, email, display_name, email_verified_at)
    select gen_random_uuid(), 'bench-author-' || n || '@example.tn', 'Citizen ' || n, now()
    from generate_series(1, ${AUTHORS}) n
    on conflict do nothing`);
  const top = Math.round(COMMENTS * 0.8);
  // Comments: the even ones on the whole text, the odd ones over the sections; one a minute over 30 days.
  await db.execute(sql`
    insert into consultation_comments (id, consultation_id, section_id, author_id, body, alignment, support_count, created_at, updated_at)
    select gen_random_uuid(), ${id},
      case when n % 2 = 0 then null else s.ids[1 + (n / 2) % ${SECTIONS}] end,
      a.ids[1 + n % ${AUTHORS}],
      'Comment number ' || n || ': I think this article should say more precisely who decides and by when, and how residents are told of the decision. ' || repeat('Some more words of the argument. ', 1 + n % 6),
      (array['for', 'against', 'neutral'])[1 + n % 3]::comment_alignment,
      (n * 7919) % 37,
      now() - interval '30 days' + n * interval '1 minute', now()
    from generate_series(1, ${top}) n
    cross join (select array_agg(id order by position) as ids from consultation_sections where consultation_id = ${id}) s
    cross join (select array_agg(id) as ids from accounts where email like 'bench-author-%') a`);
  // Replies: to the most recent comments first, three levels deep at most.
  await db.execute(sql`
    with parents as (
      select id, section_id, row_number() over (order by created_at desc) as r
      from consultation_comments where consultation_id = ${id} and parent_id is null
    )
    insert into consultation_comments (id, consultation_id, section_id, parent_id, root_id, depth, author_id, body, support_count, created_at, updated_at)
    select gen_random_uuid(), ${id}, p.section_id, p.id, p.id, 1, a.ids[1 + n % ${AUTHORS}],
      'Reply number ' || n || ': I agree with part of this, but the deadline seems too short.', n % 5,
      now() - interval '1 day' + n * interval '1 second', now()
    from generate_series(1, ${COMMENTS - top}) n
    join parents p on p.r = 1 + n % 300
    cross join (select array_agg(id) as ids from accounts where email like 'bench-author-%') a`);
  await db.execute(sql`analyze consultation_comments`);
  return { id, created: true };
}
