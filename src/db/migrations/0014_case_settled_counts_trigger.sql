-- case_settled_counts follows every answered or closed request: the trigger moves a request's
-- unit from its old cell to its new one in the same transaction as the change.
CREATE FUNCTION case_settled_counts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status IN ('answered', 'closed') THEN
    UPDATE case_settled_counts SET n = n - 1
    WHERE structure_id = OLD.structure_id AND status = OLD.status AND type = OLD.type
      AND category_id IS NOT DISTINCT FROM OLD.category_id
      AND governorate_code IS NOT DISTINCT FROM OLD.governorate_code
      AND assignee_id IS NOT DISTINCT FROM OLD.assignee_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status IN ('answered', 'closed') THEN
    INSERT INTO case_settled_counts AS c
      (structure_id, status, type, category_id, governorate_code, assignee_id, n)
    VALUES (NEW.structure_id, NEW.status, NEW.type, NEW.category_id, NEW.governorate_code, NEW.assignee_id, 1)
    ON CONFLICT ON CONSTRAINT case_settled_counts_cell DO UPDATE SET n = c.n + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER cases_settled_counts
AFTER INSERT OR DELETE OR UPDATE OF status, structure_id, type, category_id, governorate_code, assignee_id ON cases
FOR EACH ROW EXECUTE FUNCTION case_settled_counts_sync();
--> statement-breakpoint
INSERT INTO case_settled_counts (structure_id, status, type, category_id, governorate_code, assignee_id, n)
SELECT structure_id, status, type, category_id, governorate_code, assignee_id, count(*)::int
FROM cases WHERE status IN ('answered', 'closed')
GROUP BY structure_id, status, type, category_id, governorate_code, assignee_id;
