// Prototype versions, in the shape of the version contract (@txcat/contracts PrototypeVersion).
// A version is written whole or not at all: inserted as 'building' and marked 'active' in the same
// transaction, so a reader (which only looks at active versions) never sees a torn one. Every
// version belongs to one model (name + variant); readers ask for their own model's.
import {
  modelLabel, parsePrototypeVersion, parsePrototypeVersionInput, ContractError,
  type ModelIdentity, type PrototypeVersion, type PrototypeVersionInput, type PrototypeVersionNotice,
} from '@txcat/contracts';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from './client.js';
import { DbError, invalidInput, isUnknownCategory } from './db-error.js';
import { notify } from './notify.js';
import { unknownCategory } from './repository.js';
import { exemplars, prototypes, prototypeVersions } from './schema.js';

/** The channel on which each new version is announced (payload: a PrototypeVersionNotice as JSON). */
export const PROTOTYPES_CHANNEL = 'txcat_prototypes';

function checkInput(input: PrototypeVersionInput): PrototypeVersionInput {
  try {
    return parsePrototypeVersionInput(input);
  } catch (error) {
    throw error instanceof ContractError ? new DbError('invalid_input', error.message, { cause: error }) : error;
  }
}

/**
 * Writes a whole version in one transaction, announces it on PROTOTYPES_CHANNEL (delivered at
 * commit) and returns its number (always increasing).
 */
export async function savePrototypeVersion(db: Database, input: PrototypeVersionInput): Promise<number> {
  const v = checkInput(input);
  try {
    return await db.transaction(async (tx) => {
      const exampleCount = v.prototypes.reduce((s, p) => s + p.exampleCount, 0);
      const [row] = await tx.insert(prototypeVersions).values({
        modelName: v.model.name, modelVariant: v.model.variant, exampleCount, status: 'building',
        center: Array.from(v.center), notes: { replaces: v.replaces },
        head: v.head ? { categories: v.head.categories, dim: v.head.dim, weights: Array.from(v.head.weights) } : null,
        calibration: v.calibration,
      }).returning({ version: prototypeVersions.version });
      const version = row!.version;
      await tx.insert(prototypes).values(v.prototypes.map((p) => ({ version, category: p.category, vector: Array.from(p.vector), exampleCount: p.exampleCount })));
      const rows = v.exemplars.map((e, ordinal) => ({ version, ordinal, category: e.category, text: e.text, vector: Array.from(e.vector) }));
      // Postgres takes at most 65,535 parameters per statement: insert in slices.
      for (let i = 0; i < rows.length; i += 2000) await tx.insert(exemplars).values(rows.slice(i, i + 2000));
      await tx.update(prototypeVersions).set({ status: 'active' }).where(eq(prototypeVersions.version, version));
      const notice: PrototypeVersionNotice = { version, model: v.model };
      await notify(tx, PROTOTYPES_CHANNEL, JSON.stringify(notice));
      return version;
    });
  } catch (error) {
    if (isUnknownCategory(error)) throw await unknownCategory(db, v.prototypes.map((p) => p.category).join(', '), error);
    throw error;
  }
}

// jsonb keeps the head's weights as numbers; the contract wants them as a Float32Array. Anything
// else is handed to the contract as it is, which then says what is wrong with it.
const storedHead = z.looseObject({ weights: z.array(z.number()) });
const storedNotes = z.looseObject({ replaces: z.number().nullable().optional() });

function decodeHead(value: unknown): unknown {
  const r = storedHead.safeParse(value);
  return r.success ? { ...r.data, weights: Float32Array.from(r.data.weights) } : value;
}

const modelIs = (model: ModelIdentity) => and(eq(prototypeVersions.modelName, model.name), eq(prototypeVersions.modelVariant, model.variant));

/**
 * The newest active version built by `model` (read in one snapshot), parsed with the version
 * contract, or null before that model's first. A row that does not match the contract throws a
 * ContractError naming the version and the bad fields.
 */
export async function loadActivePrototypes(db: Database, model: ModelIdentity): Promise<PrototypeVersion | null> {
  if (typeof model?.name !== 'string' || typeof model.variant !== 'string') throw invalidInput('model must be { name, variant }, the model whose versions to read (e.g. { name: "all-minilm-l6-v2", variant: "int8" })');
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(prototypeVersions).where(and(eq(prototypeVersions.status, 'active'), modelIs(model))).orderBy(desc(prototypeVersions.version)).limit(1);
    if (!row) return null;
    const protos = await tx.select().from(prototypes).where(eq(prototypes.version, row.version)).orderBy(prototypes.category);
    const points = await tx.select().from(exemplars).where(eq(exemplars.version, row.version)).orderBy(exemplars.ordinal);
    const notes = storedNotes.safeParse(row.notes);
    return parsePrototypeVersion({
      version: row.version, createdAt: row.createdAt, exampleCount: row.exampleCount,
      model: { name: row.modelName, variant: row.modelVariant },
      center: Float32Array.from(row.center),
      prototypes: protos.map((p) => ({ category: p.category, vector: Float32Array.from(p.vector), exampleCount: p.exampleCount })),
      exemplars: points.map((p) => ({ category: p.category, text: p.text, vector: Float32Array.from(p.vector) })),
      head: decodeHead(row.head), calibration: row.calibration, replaces: notes.success ? (notes.data.replaces ?? null) : null,
    }, `stored prototype version ${row.version} (${modelLabel(model)})`, 'build a new one (POST /v1/retrain, or restart a worker) or repair the row');
  }, { isolationLevel: 'repeatable read', accessMode: 'read only' });
}

export interface ActiveVersionSummary {
  model: ModelIdentity;
  version: number;
  createdAt: Date;
  exampleCount: number;
}

/** The newest active version of every model that has one, newest first (no vectors read). */
export async function listActiveVersions(db: Database): Promise<ActiveVersionSummary[]> {
  const rows = await db.selectDistinctOn([prototypeVersions.modelName, prototypeVersions.modelVariant], {
    name: prototypeVersions.modelName, variant: prototypeVersions.modelVariant, version: prototypeVersions.version,
    createdAt: prototypeVersions.createdAt, exampleCount: prototypeVersions.exampleCount,
  }).from(prototypeVersions).where(eq(prototypeVersions.status, 'active'))
    .orderBy(prototypeVersions.modelName, prototypeVersions.modelVariant, desc(prototypeVersions.version));
  return rows.map((r) => ({ model: { name: r.name, variant: r.variant }, version: r.version, createdAt: r.createdAt, exampleCount: r.exampleCount }))
    .sort((a, b) => b.version - a.version);
}
