// Plain functions over the database for the taxonomy and feedback: what the CLI uses now and the
// fleet's jobs use later.
import { inArray, sql } from 'drizzle-orm';
import type { Database } from './client.js';
import { DbError, invalidInput, isUnknownCategory } from './db-error.js';
import { categories, categoryExamples, feedback } from './schema.js';

export interface CategorySeed {
  name: string;
  description: string;
  examples: string[];
}

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

function checkSeed(seed: CategorySeed[]): void {
  if (!Array.isArray(seed)) throw invalidInput('categories must be an array of { name, description, examples }');
  for (const c of seed) {
    if (!nonEmpty(c?.name)) throw invalidInput('every category needs a non-empty name (such as FOOD_AND_DRINK)');
    if (typeof c.description !== 'string') throw invalidInput(`category ${c.name}: description must be a string`);
    if (!Array.isArray(c.examples) || !c.examples.every(nonEmpty)) throw invalidInput(`category ${c.name}: examples must be non-empty strings`);
  }
}

/** Inserts categories and their seed examples; what exists already is left alone (idempotent). */
export async function seedTaxonomy(db: Database, seed: CategorySeed[]): Promise<void> {
  checkSeed(seed);
  if (seed.length === 0) return;
  await db.transaction(async (tx) => {
    await tx.insert(categories).values(seed.map(({ name, description }) => ({ name, description }))).onConflictDoNothing();
    const rows = seed.flatMap((c) => c.examples.map((text) => ({ category: c.name, text, source: 'seed' as const })));
    // Chunks keep each statement under Postgres's 65,535 bind parameters.
    for (let i = 0; i < rows.length; i += 1000) await tx.insert(categoryExamples).values(rows.slice(i, i + 1000)).onConflictDoNothing();
  });
}

export async function listCategories(db: Database) {
  return db.select().from(categories).orderBy(categories.name);
}

export async function listExamples(db: Database): Promise<Array<{ category: string; text: string; source: 'seed' | 'user' }>> {
  return db.select({ category: categoryExamples.category, text: categoryExamples.text, source: categoryExamples.source })
    .from(categoryExamples).orderBy(categoryExamples.id);
}

/** The error for a category missing from the taxonomy, naming the ones that exist. */
export async function unknownCategory(db: Database, category: string, cause?: unknown): Promise<DbError> {
  const known = (await listCategories(db).catch(() => [])).map((c) => c.name);
  return new DbError('unknown_category', `unknown category ${JSON.stringify(category)}: use one of ${known.join(', ') || '(none yet: run seedTaxonomy first)'}`, { cause });
}

/**
 * Adds user examples to a category (source 'user'); texts it already has are skipped. Returns how
 * many were new. They count from the next retrain on.
 */
export async function addExamples(db: Database, category: string, texts: string[]): Promise<number> {
  if (!nonEmpty(category)) throw invalidInput('category must be a non-empty category name');
  if (!Array.isArray(texts) || !texts.every(nonEmpty)) throw invalidInput('examples must be non-empty strings');
  const unique = [...new Set(texts)];
  if (unique.length === 0) return 0;
  try {
    let added = 0;
    for (let i = 0; i < unique.length; i += 1000) {
      const rows = unique.slice(i, i + 1000).map((text) => ({ category, text, source: 'user' as const }));
      added += (await db.insert(categoryExamples).values(rows).onConflictDoNothing().returning({ id: categoryExamples.id })).length;
    }
    return added;
  } catch (error) {
    if (isUnknownCategory(error)) throw await unknownCategory(db, category, error);
    throw error;
  }
}

export interface FeedbackInput {
  /** Idempotency key: feedback for the same transaction replaces the earlier one. */
  transactionId?: string;
  description: string;
  merchantKey: string;
  category: string;
  userId?: string;
}

function checkFeedback(input: FeedbackInput): void {
  if (!nonEmpty(input?.description)) throw invalidInput('feedback description must be a non-empty string');
  if (typeof input.merchantKey !== 'string') throw invalidInput('feedback merchantKey must be a string');
  if (!nonEmpty(input.category)) throw invalidInput('feedback category must be a non-empty category name');
  if (input.transactionId !== undefined && !nonEmpty(input.transactionId)) throw invalidInput('feedback transactionId must be a non-empty string or left out');
}

/** Stores a correction. The same transactionId again replaces the earlier one (never counts twice). */
export async function upsertFeedback(db: Database, input: FeedbackInput): Promise<void> {
  checkFeedback(input);
  const row = {
    transactionId: input.transactionId ?? null, description: input.description, merchantKey: input.merchantKey,
    category: input.category, userId: input.userId ?? null,
  };
  try {
    await db.insert(feedback).values(row).onConflictDoUpdate({
      target: feedback.transactionId,
      set: { description: row.description, merchantKey: row.merchantKey, category: row.category, userId: row.userId, updatedAt: sql`now()` },
    });
  } catch (error) {
    if (isUnknownCategory(error)) throw await unknownCategory(db, input.category, error);
    throw error;
  }
}

export async function listFeedback(db: Database) {
  return db.select().from(feedback).orderBy(feedback.id);
}

export interface FeedbackCount {
  merchantKey: string;
  userId: string | null;
  category: string;
  count: number;
}

/** Corrections per merchant key, user and category: all of them, or those of some merchant keys. */
export async function feedbackCounts(db: Database, merchantKeys?: string[]): Promise<FeedbackCount[]> {
  if (merchantKeys && merchantKeys.length === 0) return [];
  return db
    .select({ merchantKey: feedback.merchantKey, userId: feedback.userId, category: feedback.category, count: sql<number>`count(*)::int` })
    .from(feedback)
    .where(merchantKeys ? inArray(feedback.merchantKey, merchantKeys) : undefined)
    .groupBy(feedback.merchantKey, feedback.userId, feedback.category);
}
