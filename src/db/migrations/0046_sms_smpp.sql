CREATE TYPE "public"."sms_status" AS ENUM('pending', 'sending', 'sent', 'delivered', 'undeliverable', 'failed', 'unknown', 'cancelled');--> statement-breakpoint
CREATE TABLE "sms_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"to_number" text NOT NULL,
	"body" text NOT NULL,
	"status" "sms_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"send_after" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_at" timestamp with time zone,
	"parts" integer,
	"sent_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sms_opt_outs" (
	"phone" text PRIMARY KEY NOT NULL,
	"keyword" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sms_parts" (
	"message_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"smsc_id" text NOT NULL,
	"receipt_stat" text,
	"receipt_error" text,
	"receipt_at" timestamp with time zone,
	CONSTRAINT "sms_parts_message_id_seq_pk" PRIMARY KEY("message_id","seq")
);
--> statement-breakpoint
CREATE TABLE "account_phone_checks" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"phone" text NOT NULL,
	"code_hash" text,
	"code_expires_at" timestamp with time zone,
	"failures" integer DEFAULT 0 NOT NULL,
	"sent_today" integer DEFAULT 0 NOT NULL,
	"day_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sent_at" timestamp with time zone,
	"verified_phone" text,
	"verified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "locale" text;--> statement-breakpoint
ALTER TABLE "sms_parts" ADD CONSTRAINT "sms_parts_message_id_sms_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."sms_messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_phone_checks" ADD CONSTRAINT "account_phone_checks_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sms_pending_idx" ON "sms_messages" USING btree ("send_after") WHERE "sms_messages"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "sms_sending_idx" ON "sms_messages" USING btree ("claimed_at") WHERE "sms_messages"."status" = 'sending';--> statement-breakpoint
CREATE INDEX "sms_to_number_idx" ON "sms_messages" USING btree ("to_number");--> statement-breakpoint
CREATE UNIQUE INDEX "sms_parts_smsc_id_idx" ON "sms_parts" USING btree ("smsc_id");