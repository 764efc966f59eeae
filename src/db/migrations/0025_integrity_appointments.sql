CREATE TABLE "integrity_appointments" (
	"membership_id" uuid PRIMARY KEY NOT NULL,
	"approved_on" date,
	"approved_by" uuid
);
--> statement-breakpoint
ALTER TABLE "integrity_appointments" ADD CONSTRAINT "integrity_appointments_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_appointments" ADD CONSTRAINT "integrity_appointments_approved_by_accounts_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Officers who already hold keys stay approved: their appointment stands as it was.
INSERT INTO "integrity_appointments" ("membership_id", "approved_on")
SELECT "m"."id", current_date
FROM "memberships" "m"
JOIN "integrity_officer_keys" "k" ON "k"."account_id" = "m"."account_id"
WHERE "m"."role" = 'integrity_officer' AND "m"."revoked_at" IS NULL;
