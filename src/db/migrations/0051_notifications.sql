CREATE TABLE "notification_preferences" (
	"account_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"centre" boolean NOT NULL,
	"email" boolean NOT NULL,
	"sms" boolean NOT NULL,
	"frequency" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_preferences_account_id_kind_pk" PRIMARY KEY("account_id","kind"),
	CONSTRAINT "notification_preferences_frequency" CHECK ("notification_preferences"."frequency" in ('instant', 'daily', 'weekly'))
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"link" text NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_account_idx" ON "notifications" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("account_id") WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE INDEX "notifications_created_idx" ON "notifications" USING btree ("created_at");--> statement-breakpoint
-- A person's notifications and their preferences show on no public page: their writes leave the page cache's version alone.
DROP TRIGGER IF EXISTS public_content_changed ON notifications;--> statement-breakpoint
DROP TRIGGER IF EXISTS public_content_changed ON notification_preferences;--> statement-breakpoint
CREATE OR REPLACE FUNCTION watch_public_content() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  t text;
BEGIN
  FOR t IN
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
      AND c.relname <> ALL (ARRAY[
        'sessions', 'rate_counters', 'sign_in_throttles', 'account_tokens', 'account_identities',
        'eid_pending_sign_ins', 'audit_events', 'outbox_messages', 'insights_counters',
        'insights_usage', 'digest_runs', 'agent_open_load', 'staff_preferences', 'saved_case_views',
        'case_attachments', 'case_followers', 'case_mail_opt_outs',
        'subscriptions', 'subscriber_settings', 'legal_acceptances', 'stored_files',
        'integrity_reports', 'integrity_messages', 'integrity_attachments', 'integrity_report_keys',
        'integrity_key_recipients', 'integrity_key_sessions', 'integrity_officer_keys',
        'integrity_appointments', 'sms_messages', 'sms_parts', 'sms_opt_outs',
        'account_phone_checks', 'data_exports', 'retention_runs', 'notifications',
        'notification_preferences'
      ])
      AND NOT EXISTS (
        SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = 'public_content_changed'
      )
  LOOP
    EXECUTE format(
      'CREATE TRIGGER public_content_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
      'FOR EACH STATEMENT EXECUTE FUNCTION public_content_changed()', t);
  END LOOP;
END $$;
