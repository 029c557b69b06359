// What txcat keeps in Postgres: the taxonomy and its examples, users' feedback, and prototype
// versions. Migrations under /migrations are generated from this file by drizzle-kit.
import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const categories = pgTable('categories', {
  name: text('name').primaryKey(),
  description: text('description').notNull().default(''),
  createdAt: createdAt(),
});

export const categoryExamples = pgTable('category_examples', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  category: text('category').notNull().references(() => categories.name),
  text: text('text').notNull(),
  source: text('source').$type<'seed' | 'user'>().notNull(),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('category_examples_category_text_key').on(t.category, t.text),
  check('category_examples_source_check', sql`${t.source} IN ('seed', 'user')`),
]);

export const feedback = pgTable('feedback', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  /** The idempotency key: feedback for the same transaction replaces, never adds. */
  transactionId: text('transaction_id').unique(),
  description: text('description').notNull(),
  merchantKey: text('merchant_key').notNull(),
  category: text('category').notNull().references(() => categories.name),
  userId: text('user_id'),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('feedback_merchant_key_idx').on(t.merchantKey)]);

export const prototypeVersions = pgTable('prototype_versions', {
  version: bigserial('version', { mode: 'number' }).primaryKey(),
  createdAt: createdAt(),
  modelName: text('model_name').notNull(),
  modelVariant: text('model_variant').notNull(),
  exampleCount: integer('example_count').notNull(),
  /** 'building' while its prototypes are written; 'active' in the same transaction, at commit. */
  status: text('status').$type<'building' | 'active'>().notNull().default('building'),
  /** The mean example embedding that vectors are centered on (see @txcat/classifier). */
  center: real('center').array().notNull(),
  notes: jsonb('notes').notNull().default(sql`'{}'::jsonb`),
  /** The softmax head (categories, dim, weights) when one was fitted; null otherwise. */
  head: jsonb('head'),
  /** Temperature, thresholds and held-out reliability figures (see @txcat/classifier calibration). */
  calibration: jsonb('calibration'),
}, (t) => [check('prototype_versions_status_check', sql`${t.status} IN ('building', 'active')`)]);

export const prototypes = pgTable('prototypes', {
  version: bigint('version', { mode: 'number' }).notNull().references(() => prototypeVersions.version, { onDelete: 'cascade' }),
  category: text('category').notNull().references(() => categories.name),
  vector: real('vector').array().notNull(),
  exampleCount: integer('example_count').notNull(),
}, (t) => [
  primaryKey({ columns: [t.version, t.category] }),
  check('prototypes_vector_not_empty', sql`cardinality(${t.vector}) > 0`),
]);

/**
 * A version's exemplars: every labelled example it was built from, with its embedding, for
 * k-nearest-exemplar voting (several points per category, not only one mean).
 */
export const exemplars = pgTable('exemplars', {
  version: bigint('version', { mode: 'number' }).notNull().references(() => prototypeVersions.version, { onDelete: 'cascade' }),
  ordinal: integer('ordinal').notNull(),
  category: text('category').notNull().references(() => categories.name),
  text: text('text').notNull(),
  vector: real('vector').array().notNull(),
}, (t) => [primaryKey({ columns: [t.version, t.ordinal] })]);
