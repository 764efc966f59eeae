CREATE TYPE "public"."integrity_author" AS ENUM('whistleblower', 'officer');--> statement-breakpoint
CREATE TYPE "public"."integrity_key_purpose" AS ENUM('content', 'identity');--> statement-breakpoint
CREATE TYPE "public"."integrity_report_status" AS ENUM('new', 'under_review', 'referred', 'closed');--> statement-breakpoint
CREATE TABLE "integrity_attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"report_id" uuid NOT NULL,
	"message_id" uuid,
	"key_id" uuid NOT NULL,
	"meta" text NOT NULL,
	"original_file" text NOT NULL,
	"clean_file" text,
	"added_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "integrity_key_recipients" (
	"key_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"sealed_key" text NOT NULL,
	CONSTRAINT "integrity_key_recipients_key_id_account_id_pk" PRIMARY KEY("key_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "integrity_key_sessions" (
	"session_id" text PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"wrapped_key" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "integrity_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"report_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"author" "integrity_author" NOT NULL,
	"key_id" uuid NOT NULL,
	"body" text NOT NULL,
	"sent_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "integrity_officer_keys" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"public_key" text NOT NULL,
	"password_salt" text NOT NULL,
	"password_wrapped" text NOT NULL,
	"recovery_salt" text NOT NULL,
	"recovery_wrapped" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "integrity_report_keys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"report_id" uuid NOT NULL,
	"purpose" "integrity_key_purpose" NOT NULL,
	"generation" integer DEFAULT 1 NOT NULL,
	"public_key" text NOT NULL,
	"whistleblower_sealed" text
);
--> statement-breakpoint
CREATE TABLE "integrity_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"structure_id" uuid,
	"status" "integrity_report_status" DEFAULT 'new' NOT NULL,
	"received_on" date NOT NULL,
	"due_on" date NOT NULL,
	"updated_on" date NOT NULL,
	"receipt_hash" text NOT NULL,
	"whistleblower_salt" text NOT NULL,
	"whistleblower_public_key" text NOT NULL,
	"content_key_id" uuid NOT NULL,
	"content" text NOT NULL,
	"identity_key_id" uuid,
	"identity" text
);
--> statement-breakpoint
ALTER TABLE "integrity_attachments" ADD CONSTRAINT "integrity_attachments_report_id_integrity_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."integrity_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_attachments" ADD CONSTRAINT "integrity_attachments_message_id_integrity_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."integrity_messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_key_recipients" ADD CONSTRAINT "integrity_key_recipients_key_id_integrity_report_keys_id_fk" FOREIGN KEY ("key_id") REFERENCES "public"."integrity_report_keys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_key_recipients" ADD CONSTRAINT "integrity_key_recipients_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_key_sessions" ADD CONSTRAINT "integrity_key_sessions_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_key_sessions" ADD CONSTRAINT "integrity_key_sessions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_messages" ADD CONSTRAINT "integrity_messages_report_id_integrity_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."integrity_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_officer_keys" ADD CONSTRAINT "integrity_officer_keys_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_report_keys" ADD CONSTRAINT "integrity_report_keys_report_id_integrity_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."integrity_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_reports" ADD CONSTRAINT "integrity_reports_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "integrity_attachments_report_idx" ON "integrity_attachments" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "integrity_key_recipients_account_idx" ON "integrity_key_recipients" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "integrity_messages_seq" ON "integrity_messages" USING btree ("report_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "integrity_report_keys_generation" ON "integrity_report_keys" USING btree ("report_id","purpose","generation");--> statement-breakpoint
CREATE UNIQUE INDEX "integrity_reports_receipt_unique" ON "integrity_reports" USING btree ("receipt_hash");--> statement-breakpoint
CREATE INDEX "integrity_reports_structure_idx" ON "integrity_reports" USING btree ("structure_id","status");