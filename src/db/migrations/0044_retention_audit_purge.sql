-- The audit log stays append-only, with one exception: the daily retention purge deletes entries
-- past their retention period. It says so by setting sharek.retention_purge for its transaction
-- only (set_config(..., true)); UPDATE and TRUNCATE stay refused in every case.
CREATE OR REPLACE FUNCTION audit_events_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND coalesce(current_setting('sharek.retention_purge', true), '') = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only';
END;
$$;
