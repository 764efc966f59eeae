-- Tables added since 0041 whose writes no public page shows (the SMS queue, phone checks, data
-- exports, retention runs) leave the page cache's version alone. Requests and their timelines move
-- it now: a structure's page shows its request figures, which must not wait for the page's max-age.
DROP TRIGGER IF EXISTS public_content_changed ON sms_messages;--> statement-breakpoint
DROP TRIGGER IF EXISTS public_content_changed ON sms_parts;--> statement-breakpoint
DROP TRIGGER IF EXISTS public_content_changed ON sms_opt_outs;--> statement-breakpoint
DROP TRIGGER IF EXISTS public_content_changed ON account_phone_checks;--> statement-breakpoint
DROP TRIGGER IF EXISTS public_content_changed ON data_exports;--> statement-breakpoint
DROP TRIGGER IF EXISTS public_content_changed ON retention_runs;--> statement-breakpoint
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
        'account_phone_checks', 'data_exports', 'retention_runs'
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
