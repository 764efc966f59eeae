DROP INDEX "result_updates_result_idx";--> statement-breakpoint
DROP INDEX "results_list_idx";--> statement-breakpoint
DROP INDEX "results_top_list_idx";--> statement-breakpoint
CREATE INDEX "result_updates_result_idx" ON "result_updates" USING btree ("result_id","happened_on" DESC NULLS FIRST,"created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "results_list_idx" ON "results" USING btree ("updated_at" DESC NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "results_top_list_idx" ON "results" USING btree ("updated_at" DESC NULLS FIRST,"id") WHERE "results"."parent_id" is null;