-- The deadline index covers every open request, those awaiting the citizen included: the insights'
-- overdue list counts one whose clock still runs (cases/staff/deadline-state.ts, overdueCondition).
DROP INDEX "cases_due_idx";--> statement-breakpoint
CREATE INDEX "cases_due_idx" ON "cases" USING btree ("due_at") WHERE "cases"."status" in ('new', 'in_progress', 'awaiting_citizen');