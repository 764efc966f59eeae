-- The national action plan becomes results of origin "plan" (kept by the central office), each
-- milestone a result with the same id: its title, its notes as the description, its due date as the
-- end date, its status (done: 100 %), and a first timeline entry carrying its evidence link.
DO $$ BEGIN
  IF EXISTS (SELECT 1 FROM "action_plan_milestones") AND NOT EXISTS (SELECT 1 FROM "structures") THEN
    RAISE EXCEPTION 'action_plan_milestones holds milestones but there is no structure to keep them as results: run the seed of the reference structures first';
  END IF;
END $$;--> statement-breakpoint
INSERT INTO "results" ("id", "code", "structure_id", "title", "description", "ends_on", "status", "progress", "origin", "created_at", "updated_at")
SELECT m."id",
  'plan-' || to_char(m."due_on", 'YYYY-MM-DD') || '-' || right(replace(m."id"::text, '-', ''), 8),
  (SELECT s."id" FROM "structures" s
    ORDER BY (s."code" = 'bcrc') DESC, (s."kind" = 'central_office') DESC, (s."parent_id" IS NULL) DESC, s."code"
    LIMIT 1),
  m."title", m."notes", m."due_on", m."status"::text::"result_status",
  CASE WHEN m."status" = 'done' THEN 100 ELSE 0 END,
  'plan', m."created_at", m."updated_at"
FROM "action_plan_milestones" m
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "result_updates" ("id", "result_id", "happened_on", "status_after", "progress_after", "evidence", "created_at", "updated_at")
SELECT gen_random_uuid(), r."id", coalesce(m."done_on", m."created_at"::date), r."status", r."progress",
  CASE WHEN m."evidence_url" IS NULL THEN '[]'::jsonb
    ELSE jsonb_build_array(jsonb_build_object('label', '', 'url', m."evidence_url")) END,
  m."created_at", m."updated_at"
FROM "action_plan_milestones" m JOIN "results" r ON r."id" = m."id" AND r."origin" = 'plan';--> statement-breakpoint
DROP TABLE "action_plan_milestones" CASCADE;--> statement-breakpoint
DROP TYPE "public"."milestone_status";
