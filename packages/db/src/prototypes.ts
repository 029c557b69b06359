// Prototype versions: one vector per category, written whole or not at all. A version is
// inserted as 'building' and marked 'active' in the same transaction, so a reader (which only
// looks at active versions) never sees a torn one, even without its own snapshot.
import { desc, eq } from 'drizzle-orm';
import type { Database } from './client.js';
import { invalidInput, isUnknownCategory } from './db-error.js';
import { unknownCategory } from './repository.js';
import { exemplars, prototypes, prototypeVersions } from './schema.js';

export interface PrototypeVersionInput {
  modelName: string;
  modelVariant: string;
  prototypes: Array<{ category: string; vector: Float32Array; exampleCount: number }>;
  /** The mean example embedding the vectors are centered on; zeros (no centering) when left out. */
  center?: Float32Array;
  notes?: Record<string, unknown>;
  /** Every labelled example with its embedding (k-nearest-exemplar voting). */
  exemplars?: Array<{ category: string; text: string; vector: Float32Array }>;
  /** Serializable parts fitted with the version (see @txcat/classifier): stored as given. */
  head?: unknown;
  calibration?: unknown;
}

export interface ActivePrototypes {
  version: number;
  createdAt: Date;
  modelName: string;
  modelVariant: string;
  /** Sum of the prototypes' example counts. */
  exampleCount: number;
  center: Float32Array;
  prototypes: Array<{ category: string; vector: Float32Array; exampleCount: number }>;
  /** The same prototypes as parallel arrays, sorted by category (what @txcat/classifier takes). */
  categories: string[];
  vectors: Float32Array[];
  exampleCounts: number[];
  exemplars: Array<{ category: string; text: string; vector: Float32Array }>;
  head: unknown;
  calibration: unknown;
}

function checkVersion(input: PrototypeVersionInput): number {
  if (typeof input?.modelName !== 'string' || !input.modelName) throw invalidInput('modelName must be a non-empty string');
  if (typeof input.modelVariant !== 'string' || !input.modelVariant) throw invalidInput('modelVariant must be a non-empty string');
  if (!Array.isArray(input.prototypes) || input.prototypes.length === 0) throw invalidInput('prototypes must hold at least one { category, vector, exampleCount }');
  const dim = input.prototypes[0]!.vector?.length ?? 0;
  const seen = new Set<string>();
  for (const p of input.prototypes) {
    if (!(p.vector instanceof Float32Array) || p.vector.length === 0 || p.vector.length !== dim) throw invalidInput(`prototype ${p.category}: vector must be a Float32Array of the same non-zero length as the others (${dim})`);
    if (!p.vector.every(Number.isFinite)) throw invalidInput(`prototype ${p.category}: vector holds NaN or Infinity`);
    if (!Number.isInteger(p.exampleCount) || p.exampleCount < 0) throw invalidInput(`prototype ${p.category}: exampleCount must be a non-negative integer`);
    if (seen.has(p.category)) throw invalidInput(`prototype ${p.category} appears twice`);
    seen.add(p.category);
  }
  (input.exemplars ?? []).forEach((e, i) => {
    if (!(e.vector instanceof Float32Array) || e.vector.length !== dim) throw invalidInput(`exemplar ${i} (${e.category}): vector must be a Float32Array of length ${dim}, like the prototypes`);
  });
  if (input.center && (!(input.center instanceof Float32Array) || input.center.length !== dim)) throw invalidInput(`center must be a Float32Array of length ${dim}, like the vectors`);
  return dim;
}

/** Writes a whole prototype version in one transaction and returns its number (always increasing). */
export async function savePrototypeVersion(db: Database, input: PrototypeVersionInput): Promise<number> {
  const dim = checkVersion(input);
  try {
    return await db.transaction(async (tx) => {
      const exampleCount = input.prototypes.reduce((s, p) => s + p.exampleCount, 0);
      const [row] = await tx.insert(prototypeVersions).values({
        modelName: input.modelName, modelVariant: input.modelVariant, exampleCount, status: 'building',
        center: Array.from(input.center ?? new Float32Array(dim)), notes: input.notes ?? {},
        head: input.head ?? null, calibration: input.calibration ?? null,
      }).returning({ version: prototypeVersions.version });
      const version = row!.version;
      await tx.insert(prototypes).values(input.prototypes.map((p) => ({ version, category: p.category, vector: Array.from(p.vector), exampleCount: p.exampleCount })));
      const rows = (input.exemplars ?? []).map((e, ordinal) => ({ version, ordinal, category: e.category, text: e.text, vector: Array.from(e.vector) }));
      // Postgres takes at most 65,535 parameters per statement: insert in slices.
      for (let i = 0; i < rows.length; i += 2000) await tx.insert(exemplars).values(rows.slice(i, i + 2000));
      await tx.update(prototypeVersions).set({ status: 'active' }).where(eq(prototypeVersions.version, version));
      return version;
    });
  } catch (error) {
    if (isUnknownCategory(error)) throw await unknownCategory(db, input.prototypes.map((p) => p.category).join(', '), error);
    throw error;
  }
}

/** The newest active version with its vectors (read in one snapshot), or null before the first. */
export async function loadActivePrototypes(db: Database): Promise<ActivePrototypes | null> {
  return db.transaction(async (tx) => {
    const [head] = await tx.select().from(prototypeVersions).where(eq(prototypeVersions.status, 'active')).orderBy(desc(prototypeVersions.version)).limit(1);
    if (!head) return null;
    const rows = await tx.select().from(prototypes).where(eq(prototypes.version, head.version)).orderBy(prototypes.category);
    const list = rows.map((r) => ({ category: r.category, vector: Float32Array.from(r.vector), exampleCount: r.exampleCount }));
    const points = await tx.select().from(exemplars).where(eq(exemplars.version, head.version)).orderBy(exemplars.ordinal);
    return {
      version: head.version, createdAt: head.createdAt, modelName: head.modelName, modelVariant: head.modelVariant,
      exampleCount: head.exampleCount, center: Float32Array.from(head.center), prototypes: list,
      categories: list.map((p) => p.category), vectors: list.map((p) => p.vector), exampleCounts: list.map((p) => p.exampleCount),
      exemplars: points.map((p) => ({ category: p.category, text: p.text, vector: Float32Array.from(p.vector) })),
      head: head.head, calibration: head.calibration,
    };
  }, { isolationLevel: 'repeatable read', accessMode: 'read only' });
}
