// A prototype version: what a retrain builds and every worker answers with. Defined once here;
// @txcat/classifier produces and consumes it (toStored / fromStored), @txcat/db stores it and
// parses it back with this schema on every load, so a row that drifted fails loudly, not later.
// A version belongs to one model (name + variant): vectors embedded by one model mean nothing to
// another, so readers only ever take versions of their own model.
import { z } from 'zod';
import { describeIssues } from './define-job.js';
import { ContractError } from './errors.js';

const nonEmpty = z.string().min(1, 'must not be empty');
const count = z.number().int().min(0);
// Float32Array<ArrayBufferLike>, as embedders return them (z.instanceof narrows to ArrayBuffer).
const float32 = () => z.custom<Float32Array>((v) => v instanceof Float32Array, { message: 'must be a Float32Array' });
const vector = float32()
  .refine((v) => v.length > 0, 'must not be empty')
  .refine((v) => v.every(Number.isFinite), 'must hold finite numbers only (no NaN or Infinity)');

/** The embedding model that built a version: the manifest's name and variant (fp32, int8, ...). */
export const ModelIdentity = z.strictObject({ name: nonEmpty, variant: nonEmpty });
export type ModelIdentity = z.infer<typeof ModelIdentity>;

/** `name@variant`: how results (`modelVersion`) and the API (`?model=`) name a model. */
export function modelLabel(model: ModelIdentity): string {
  return `${model.name}@${model.variant}`;
}

/** The inverse of modelLabel; null for anything that is not `name@variant`. */
export function parseModelLabel(label: string): ModelIdentity | null {
  const at = label.lastIndexOf('@');
  return at > 0 && at < label.length - 1 ? { name: label.slice(0, at), variant: label.slice(at + 1) } : null;
}

export const ReliabilityBin = z.strictObject({ from: z.number(), to: z.number(), count, meanConfidence: z.number(), accuracy: z.number() });
export type ReliabilityBin = z.infer<typeof ReliabilityBin>;

const probability = z.number().min(0).max(1);

/** Temperature, thresholds, and what held-out lines showed (GET /v1/calibration). */
export const Calibration = z.strictObject({
  /** Applied to log-scores: p_i ∝ score_i ^ (1 / temperature). 1 = unchanged. */
  temperature: z.number().positive(),
  highThreshold: probability,
  mediumThreshold: probability,
  reviewThreshold: probability,
  /** What the thresholds were chosen for. */
  targetHighPrecision: probability,
  heldOut: z.strictObject({ n: count, accuracy: z.number(), ece: z.number(), highPrecision: z.number(), highCoverage: z.number(), bins: z.array(ReliabilityBin) }).optional(),
});
export type Calibration = z.infer<typeof Calibration>;

/** A softmax head over centered embeddings: categories x (dim + 1) weights, row-major, bias last. */
export const SoftmaxHead = z.strictObject({
  categories: z.array(nonEmpty).min(1),
  dim: z.number().int().positive(),
  weights: float32(),
}).refine((h) => h.weights.length === h.categories.length * (h.dim + 1), { message: 'weights must hold categories.length x (dim + 1) numbers', path: ['weights'] });
export type SoftmaxHead = z.infer<typeof SoftmaxHead>;

const Prototype = z.strictObject({ category: nonEmpty, vector, exampleCount: count });
const Exemplar = z.strictObject({ category: nonEmpty, text: z.string(), vector });

const VersionFields = z.strictObject({
  model: ModelIdentity,
  /** The mean example embedding the vectors are centered on. */
  center: vector,
  /** One vector per category, sorted by category. */
  prototypes: z.array(Prototype).min(1, 'must hold at least one { category, vector, exampleCount }'),
  /** Every labelled example with its raw embedding (k-nearest-exemplar voting). */
  exemplars: z.array(Exemplar),
  /** Null when too few examples to fit one. */
  head: SoftmaxHead.nullable(),
  /** Null only in versions built before calibration existed (readers fall back to the default). */
  calibration: Calibration.nullable(),
  /** The version that was active for this model when this one was built (null for the first). */
  replaces: z.number().int().positive().nullable(),
});

/** One length for every vector, one prototype per category: what field types alone cannot say. */
function checkShapes(v: z.infer<typeof VersionFields>, ctx: z.RefinementCtx): void {
  const dim = v.center.length;
  const seen = new Set<string>();
  v.prototypes.forEach((p, i) => {
    if (p.vector.length !== dim) ctx.addIssue({ code: 'custom', path: ['prototypes', i, 'vector'], message: `${p.category}: must have ${dim} numbers, like center` });
    if (seen.has(p.category)) ctx.addIssue({ code: 'custom', path: ['prototypes', i, 'category'], message: `${p.category} appears twice` });
    seen.add(p.category);
  });
  v.exemplars.forEach((e, i) => {
    if (e.vector.length !== dim) ctx.addIssue({ code: 'custom', path: ['exemplars', i, 'vector'], message: `${e.category}: must have ${dim} numbers, like center` });
  });
  if (v.head && v.head.dim !== dim) ctx.addIssue({ code: 'custom', path: ['head', 'dim'], message: `must be ${dim}, the length of center` });
}

/** What a retrain hands to storage: everything but the number and time storage assigns. */
export const PrototypeVersionInput = VersionFields.superRefine(checkShapes);
export type PrototypeVersionInput = z.infer<typeof PrototypeVersionInput>;

/** A stored version as read back. */
export const PrototypeVersion = VersionFields.extend({
  version: z.number().int().positive(),
  createdAt: z.date(),
  /** Sum of the prototypes' example counts. */
  exampleCount: count,
}).superRefine(checkShapes);
export type PrototypeVersion = z.infer<typeof PrototypeVersion>;

function parseWith<T extends z.ZodType>(schema: T, what: string, input: unknown, fix?: string): z.infer<T> {
  const r = schema.safeParse(input);
  if (!r.success) throw new ContractError('not_retryable', `${what} does not match the prototype version contract: ${describeIssues(r.error)}${fix ? `; ${fix}` : ''}`, { cause: r.error, issues: r.error.issues });
  return r.data;
}

/** Checks a version before it is written; throws a ContractError naming each bad field. */
export function parsePrototypeVersionInput(input: unknown): PrototypeVersionInput {
  return parseWith(PrototypeVersionInput, 'the prototype version to save', input);
}

/** Checks a version read back from storage; `what` names it in the error, `fix` says what to do. */
export function parsePrototypeVersion(input: unknown, what = 'the stored prototype version', fix?: string): PrototypeVersion {
  return parseWith(PrototypeVersion, what, input, fix);
}

/**
 * What a new version's NOTIFY carries: listeners of other models ignore it. Sent by @txcat/db
 * inside the transaction that writes the version, so it is delivered at commit, never before.
 */
export const PrototypeVersionNotice = z.strictObject({ version: z.number().int().positive(), model: ModelIdentity });
export type PrototypeVersionNotice = z.infer<typeof PrototypeVersionNotice>;

/** The notice in a NOTIFY payload, or null when the payload is not one (e.g. an older sender's). */
export function parsePrototypeVersionNotice(payload: string | undefined): PrototypeVersionNotice | null {
  try {
    const r = PrototypeVersionNotice.safeParse(JSON.parse(payload ?? ''));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}
