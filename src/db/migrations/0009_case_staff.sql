CREATE TABLE "case_mail_opt_outs" (
	"case_id" uuid NOT NULL,
	"address_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_mail_opt_outs_case_id_address_key_pk" PRIMARY KEY("case_id","address_key")
);
--> statement-breakpoint
CREATE TABLE "case_routing_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"category_id" uuid NOT NULL,
	"governorate_code" text,
	"target_structure_id" uuid NOT NULL,
	"auto_assign" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "response_templates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"structure_id" uuid NOT NULL,
	"category_id" uuid,
	"locale" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "response_templates_locale" CHECK ("response_templates"."locale" in ('ar', 'fr', 'en'))
);
--> statement-breakpoint
CREATE TABLE "saved_case_views" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"structure_id" uuid NOT NULL,
	"name" text NOT NULL,
	"query" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_mail_opt_outs" ADD CONSTRAINT "case_mail_opt_outs_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_routing_rules" ADD CONSTRAINT "case_routing_rules_category_id_structure_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."structure_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_routing_rules" ADD CONSTRAINT "case_routing_rules_governorate_code_governorates_code_fk" FOREIGN KEY ("governorate_code") REFERENCES "public"."governorates"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_routing_rules" ADD CONSTRAINT "case_routing_rules_target_structure_id_structures_id_fk" FOREIGN KEY ("target_structure_id") REFERENCES "public"."structures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_routing_rules" ADD CONSTRAINT "case_routing_rules_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_templates" ADD CONSTRAINT "response_templates_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_templates" ADD CONSTRAINT "response_templates_category_id_structure_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."structure_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_templates" ADD CONSTRAINT "response_templates_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_case_views" ADD CONSTRAINT "saved_case_views_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_case_views" ADD CONSTRAINT "saved_case_views_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_routing_rules_place_unique" ON "case_routing_rules" USING btree ("category_id","governorate_code") WHERE "case_routing_rules"."governorate_code" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "case_routing_rules_any_place_unique" ON "case_routing_rules" USING btree ("category_id") WHERE "case_routing_rules"."governorate_code" is null;--> statement-breakpoint
CREATE INDEX "case_routing_rules_target_idx" ON "case_routing_rules" USING btree ("target_structure_id");--> statement-breakpoint
CREATE INDEX "response_templates_structure_idx" ON "response_templates" USING btree ("structure_id","category_id");--> statement-breakpoint
CREATE INDEX "saved_case_views_account_idx" ON "saved_case_views" USING btree ("account_id","structure_id");