CREATE TABLE "agent_open_load" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agent_open_load" ADD CONSTRAINT "agent_open_load_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- agent_open_load follows every open request's assignee: the trigger moves a request's unit from
-- its old assignee to its new one when either its assignee or its openness changes.
CREATE FUNCTION agent_open_load_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.assignee_id IS NOT NULL
     AND OLD.status IN ('new', 'in_progress', 'awaiting_citizen') THEN
    UPDATE agent_open_load SET n = n - 1 WHERE account_id = OLD.assignee_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.assignee_id IS NOT NULL
     AND NEW.status IN ('new', 'in_progress', 'awaiting_citizen') THEN
    INSERT INTO agent_open_load AS l (account_id, n) VALUES (NEW.assignee_id, 1)
    ON CONFLICT (account_id) DO UPDATE SET n = l.n + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER cases_open_load
AFTER INSERT OR DELETE OR UPDATE OF status, assignee_id ON cases
FOR EACH ROW EXECUTE FUNCTION agent_open_load_sync();
--> statement-breakpoint
INSERT INTO agent_open_load (account_id, n)
SELECT assignee_id, count(*)::int FROM cases
WHERE assignee_id IS NOT NULL AND status IN ('new', 'in_progress', 'awaiting_citizen')
GROUP BY assignee_id;
