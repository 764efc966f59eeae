-- One list of follows: the follows of consultations, ideas and forum threads move into the
-- subscriptions hub (kinds "consultation", "idea", "thread"). Those who followed them were mailed at
-- once: if they have no mail preferences yet, they keep getting news at once.
INSERT INTO "subscriber_settings" ("account_id", "email", "unsubscribe_token")
SELECT DISTINCT f."account_id", 'instant'::"delivery_frequency", md5(random()::text || f."account_id"::text)
FROM (
	SELECT "account_id" FROM "consultation_followers"
	UNION SELECT "account_id" FROM "idea_follows"
	UNION SELECT "account_id" FROM "forum_follows"
) f
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "subscriptions" ("id", "account_id", "kind", "target", "created_at")
SELECT gen_random_uuid(), "account_id", 'consultation', "consultation_id"::text, "created_at" FROM "consultation_followers"
UNION ALL SELECT gen_random_uuid(), "account_id", 'idea', "idea_id"::text, "created_at" FROM "idea_follows"
UNION ALL SELECT gen_random_uuid(), "account_id", 'thread', "thread_id"::text, "created_at" FROM "forum_follows"
ON CONFLICT DO NOTHING;--> statement-breakpoint
DROP TABLE "consultation_followers" CASCADE;--> statement-breakpoint
DROP TABLE "forum_follows" CASCADE;--> statement-breakpoint
DROP TABLE "idea_follows" CASCADE;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "notices" ADD COLUMN "body" text;--> statement-breakpoint
ALTER TABLE "notices" ADD COLUMN "actor_id" uuid;