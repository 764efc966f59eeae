-- The version of what anonymous public pages show (core/views/page-cache.ts): every node keeps the
-- pages it rendered under the version it read, and serves them again only while the version has not
-- moved. Any write to a watched table moves it (a statement trigger); reading it is one row.
CREATE SEQUENCE public_content_version;
--> statement-breakpoint
CREATE FUNCTION public_content_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('public_content_version');
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Watches every table of the public schema but those whose writes no public page shows, or that
-- change on every request (sessions, counters, queues, audit): a page that shows one of those (a
-- count of requests) is at most its own max-age old. Runs after every migration (src/db/migrate.ts),
-- so a table a later migration creates is watched too.
CREATE FUNCTION watch_public_content() RETURNS void LANGUAGE plpgsql AS $$
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
        'cases', 'case_events', 'case_attachments', 'case_followers', 'case_mail_opt_outs',
        'subscriptions', 'subscriber_settings', 'legal_acceptances', 'stored_files',
        'integrity_reports', 'integrity_messages', 'integrity_attachments', 'integrity_report_keys',
        'integrity_key_recipients', 'integrity_key_sessions', 'integrity_officer_keys',
        'integrity_appointments'
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
