// Plain functions over the database: what the CLI uses now and the fleet's jobs use later.
import { desc, eq, sql } from 'drizzle-orm';
import type { Database } from './client.js';
import { DbError } from './db-error.js';
import { categories, categoryExamples, feedback, prototypes, prototypeVersions } from './schema.js';

export interface CategorySeed {
  name: string;
  description: string;
  examples: string[];
}

/** Inserts categories and their seed examples; what exists already is left alone. */
export async function seedTaxonomy(db: Database, seed: CategorySeed[]): Promise<void> {
  await db.transaction(async (tx) => {
    if (seed.length === 0) return;
    await tx.insert(categories).values(seed.map(({ name, description }) => ({ name, description }))).onConflictDoNothing();
    const rows = seed.flatMap((c) => c.examples.map((text) => ({ category: c.name, text, source: 'seed' as const })));
    for (let i = 0; i < rows.length; i += 1000) await tx.insert(categoryExamples).values(rows.slice(i, i + 1000)).onConflictDoNothing();
  });
}

/** Adds user examples to a category; returns how many were new. */
export async function addExamples(db: Database, category: string, texts: string[]): Promise<number> {
  if (texts.length === 0) return 0;
  const rows = await db.insert(categoryExamples).values(texts.map((text) => ({ category, text, source: 'user' as const })))
    .onConflictDoNothing().returning({ id: categoryExamples.id });
  return rows.length;
}

export async function listCategories(db: Database) {
  return db.select().from(categories).orderBy(categories.name);
}

export async function listExamples(db: Database) {
  return db.select({ category: categoryExamples.category, text: categoryExamples.text, source: categoryExamples.source })
    .from(categoryExamples).orderBy(categoryExamples.id);
}

export interface FeedbackInput {
  transactionId?: string;
  description: string;
  merchantKey: string;
  category: string;
  userId?: string;
}

/** Stores a correction. The same transactionId again replaces the earlier one (idempotent). */
export async function upsertFeedback(db: Database, input: FeedbackInput): Promise<void> {
  const known = await db.select({ name: categories.name }).from(categories).where(eq(categories.name, input.category));
  if (known.length === 0) throw new DbError('unknown_category', `unknown category ${input.category}: add it first or use one of GET /v1/categories`);
  const row = { ...input, transactionId: input.transactionId ?? null, userId: input.userId ?? null };
  await db.insert(feedback).values(row).onConflictDoUpdate({
    target: feedback.transactionId,
    set: { description: row.description, merchantKey: row.merchantKey, category: row.category, userId: row.userId, updatedAt: sql`now()` },
  });
}

export async function listFeedback(db: Database) {
  return db.select().from(feedback).orderBy(feedback.id);
}

export interface PrototypeVersionInput {
  modelName: string;
  modelVariant: string;
  center: Float32Array;
  prototypes: Array<{ category: string; vector: Float32Array; exampleCount: number }>;
  notes?: Record<string, unknown>;
}

/** Writes a whole prototype version in one transaction: readers see all of it or none. */
export async function savePrototypeVersion(db: Database, input: PrototypeVersionInput): Promise<number> {
  return db.transaction(async (tx) => {
    const exampleCount = input.prototypes.reduce((s, p) => s + p.exampleCount, 0);
    const [row] = await tx.insert(prototypeVersions).values({
      modelName: input.modelName, modelVariant: input.modelVariant, exampleCount, status: 'active',
      center: Array.from(input.center), notes: input.notes ?? {},
    }).returning({ version: prototypeVersions.version });
    const version = (row as { version: number }).version;
    await tx.insert(prototypes).values(input.prototypes.map((p) => ({ version, category: p.category, vector: Array.from(p.vector), exampleCount: p.exampleCount })));
    return version;
  });
}

export interface ActivePrototypes {
  version: number;
  createdAt: Date;
  modelName: string;
  modelVariant: string;
  exampleCount: number;
  center: Float32Array;
  categories: string[];
  vectors: Float32Array[];
  exampleCounts: number[];
}

/** The newest active version with its vectors, or null before the first training. */
export async function loadActivePrototypes(db: Database): Promise<ActivePrototypes | null> {
  return db.transaction(async (tx) => {
    const [head] = await tx.select().from(prototypeVersions).where(eq(prototypeVersions.status, 'active')).orderBy(desc(prototypeVersions.version)).limit(1);
    if (!head) return null;
    const rows = await tx.select().from(prototypes).where(eq(prototypes.version, head.version)).orderBy(prototypes.category);
    return {
      version: head.version, createdAt: head.createdAt, modelName: head.modelName, modelVariant: head.modelVariant,
      exampleCount: head.exampleCount, center: Float32Array.from(head.center),
      categories: rows.map((r) => r.category), vectors: rows.map((r) => Float32Array.from(r.vector)), exampleCounts: rows.map((r) => r.exampleCount),
    };
  }, { isolationLevel: 'repeatable read', accessMode: 'read only' });
}
