CREATE TABLE "categories" (
	"name" text PRIMARY KEY NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "category_examples" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"category" text NOT NULL,
	"text" text NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"transaction_id" text,
	"description" text NOT NULL,
	"merchant_key" text NOT NULL,
	"category" text NOT NULL,
	"user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_transaction_id_unique" UNIQUE("transaction_id")
);
--> statement-breakpoint
CREATE TABLE "prototype_versions" (
	"version" bigserial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"model_name" text NOT NULL,
	"model_variant" text NOT NULL,
	"example_count" integer NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"center" real[] NOT NULL,
	"notes" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prototypes" (
	"version" bigint NOT NULL,
	"category" text NOT NULL,
	"vector" real[] NOT NULL,
	"example_count" integer NOT NULL,
	CONSTRAINT "prototypes_version_category_pk" PRIMARY KEY("version","category")
);
--> statement-breakpoint
ALTER TABLE "category_examples" ADD CONSTRAINT "category_examples_category_categories_name_fk" FOREIGN KEY ("category") REFERENCES "public"."categories"("name") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_category_categories_name_fk" FOREIGN KEY ("category") REFERENCES "public"."categories"("name") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prototypes" ADD CONSTRAINT "prototypes_version_prototype_versions_version_fk" FOREIGN KEY ("version") REFERENCES "public"."prototype_versions"("version") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prototypes" ADD CONSTRAINT "prototypes_category_categories_name_fk" FOREIGN KEY ("category") REFERENCES "public"."categories"("name") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "category_examples_category_text_key" ON "category_examples" USING btree ("category","text");--> statement-breakpoint
CREATE INDEX "feedback_merchant_key_idx" ON "feedback" USING btree ("merchant_key");