ALTER TABLE "prototype_versions" ALTER COLUMN "status" SET DEFAULT 'building';--> statement-breakpoint
ALTER TABLE "category_examples" ADD CONSTRAINT "category_examples_source_check" CHECK ("category_examples"."source" IN ('seed', 'user'));--> statement-breakpoint
ALTER TABLE "prototype_versions" ADD CONSTRAINT "prototype_versions_status_check" CHECK ("prototype_versions"."status" IN ('building', 'active'));--> statement-breakpoint
ALTER TABLE "prototypes" ADD CONSTRAINT "prototypes_vector_not_empty" CHECK (cardinality("prototypes"."vector") > 0);