CREATE TABLE "eid_pending_sign_ins" (
	"id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"claims" jsonb NOT NULL,
	"locale" text NOT NULL,
	"next" text NOT NULL,
	"existing_account" boolean NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "eid_pending_sign_ins_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE INDEX "eid_pending_sign_ins_expires_idx" ON "eid_pending_sign_ins" USING btree ("expires_at");