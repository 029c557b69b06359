CREATE TABLE "exemplars" (
	"version" bigint NOT NULL,
	"ordinal" integer NOT NULL,
	"category" text NOT NULL,
	"text" text NOT NULL,
	"vector" real[] NOT NULL,
	CONSTRAINT "exemplars_version_ordinal_pk" PRIMARY KEY("version","ordinal")
);
--> statement-breakpoint
ALTER TABLE "prototype_versions" ADD COLUMN "head" jsonb;--> statement-breakpoint
ALTER TABLE "prototype_versions" ADD COLUMN "calibration" jsonb;--> statement-breakpoint
ALTER TABLE "exemplars" ADD CONSTRAINT "exemplars_version_prototype_versions_version_fk" FOREIGN KEY ("version") REFERENCES "public"."prototype_versions"("version") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemplars" ADD CONSTRAINT "exemplars_category_categories_name_fk" FOREIGN KEY ("category") REFERENCES "public"."categories"("name") ON DELETE no action ON UPDATE no action;