CREATE TABLE "stored_files" (
	"key" text PRIMARY KEY NOT NULL,
	"data" "bytea" NOT NULL,
	"size" integer NOT NULL
);
--> statement-breakpoint
-- Photos and PDFs are compressed already: store them as they are rather than try again.
ALTER TABLE "stored_files" ALTER COLUMN "data" SET STORAGE EXTERNAL;
