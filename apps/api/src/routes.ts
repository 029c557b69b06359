// The /v1 routes: validate, enqueue, answer. A 202 means the job is in Redis.
import { randomUUID } from 'node:crypto';
import { clearByPrefix, resultCachePrefix } from '@txcat/cache';
import { CLASSIFY_JOB, DEFAULT_JOB_OPTIONS, ContractError, describeIssues, FEEDBACK_JOB, modelLabel, parseModelLabel, RETRAIN_JOB, type PrototypeVersion } from '@txcat/contracts';
import { discoverModels } from '@txcat/inference';
import { addExamples, listActiveVersions, listCategories, loadActivePrototypes, seedTaxonomy, type ActiveVersionSummary, type Database } from '@txcat/db';
import type { Job, Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { CachedAnswers } from './cached-answers.js';
import { HttpError } from './http-errors.js';
import { CategoryRequest, ClassifyRequest, ExamplesRequest, FeedbackRequest, MAX_TRANSACTIONS_PER_JOB } from './schemas.js';

export interface RouteContext {
  db: Database;
  queues: { classify: Queue; feedback: Queue; retrain: Queue };
  classifyEvents: QueueEvents;
  waitTimeoutMs: number;
  redis: Redis;
  prefix: string;
  modelsDir: string;
  cachedAnswers: CachedAnswers;
}


function parse<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const r = schema.safeParse(body);
  if (!r.success) throw new ContractError('validation', describeIssues(r.error), { issues: r.error.issues });
  return r.data;
}

async function knownCategory(db: Database, name: string): Promise<void> {
  const names = (await listCategories(db)).map((c) => c.name);
  if (!names.includes(name)) throw new HttpError(422, `category: unknown category ${name}; use one of ${names.join(', ')} or add it with POST /v1/categories`);
}

/** The job and its state, state read first: a job that completes in between still has its result. */
async function findJob(ctx: RouteContext, id: string): Promise<{ job: Job; state: string } | undefined> {
  for (const queue of Object.values(ctx.queues)) {
    const state = await queue.getJobState(id);
    if (state === 'unknown') continue;
    const job = await queue.getJob(id);
    if (job) return { job, state };
  }
  return undefined;
}

/**
 * The active version of `?model=name@variant`, or, without it, of the model that built the newest
 * version: several models can share one database, each with versions of its own.
 */
async function activeVersion(db: Database, query: unknown): Promise<{ active: PrototypeVersion; models: ActiveVersionSummary[] }> {
  const asked = (query as { model?: unknown } | null)?.model;
  const model = typeof asked === 'string' ? parseModelLabel(asked) : undefined;
  if (asked !== undefined && !model) throw new HttpError(422, `model: must be name@variant, such as all-minilm-l6-v2@int8 (GET /v1/prototypes lists the models with versions)`);
  const models = await listActiveVersions(db);
  const chosen = model ?? models[0]?.model;
  const active = chosen ? await loadActivePrototypes(db, chosen) : null;
  if (!active) throw new HttpError(404, `no prototype version${chosen ? ` of ${modelLabel(chosen)}` : ''} yet: start a worker${chosen ? ' with that model' : ''} or POST /v1/retrain`);
  return { active, models };
}

export function registerRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.post('/v1/classify', async (request, reply) => {
    const body = request.body as { transactions?: unknown[] } | null;
    if (Array.isArray(body?.transactions) && body.transactions.length > MAX_TRANSACTIONS_PER_JOB) {
      throw new HttpError(413, `transactions: ${body.transactions.length} given, at most ${MAX_TRANSACTIONS_PER_JOB} per request; split the batch`);
    }
    const { wait, ...payload } = parse(ClassifyRequest, body);
    if (wait) {
      const results = await ctx.cachedAnswers.lookup(payload.transactions, payload.explain);
      if (results) return reply.status(200).send({ jobId: null, results });
    }
    const job = await ctx.queues.classify.add(CLASSIFY_JOB.name, CLASSIFY_JOB.parsePayload(payload), { ...DEFAULT_JOB_OPTIONS, jobId: randomUUID() });
    if (!wait) return reply.status(202).send({ jobId: job.id });
    try {
      const result = CLASSIFY_JOB.parseResult(await job.waitUntilFinished(ctx.classifyEvents, ctx.waitTimeoutMs));
      ctx.cachedAnswers.observe(result.results[0]);
      return reply.status(200).send({ jobId: job.id, ...result });
    } catch (error) {
      if (error instanceof Error && /timed out|timeout/i.test(error.message)) return reply.status(202).send({ jobId: job.id });
      throw new HttpError(422, `classification failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  });

  app.get('/v1/jobs/:jobId', async (request) => {
    const { jobId } = request.params as { jobId: string };
    const found = await findJob(ctx, jobId);
    if (!found) throw new HttpError(404, `no job ${jobId}: it never existed or has expired`);
    const { job, state } = found;
    return { state, ...(state === 'completed' ? { ...(job.returnvalue as object) } : {}), ...(state === 'failed' ? { error: job.failedReason } : {}) };
  });

  app.post('/v1/feedback', async (request, reply) => {
    const payload = parse(FeedbackRequest, request.body);
    await knownCategory(ctx.db, payload.category);
    const job = await ctx.queues.feedback.add(FEEDBACK_JOB.name, payload, { ...DEFAULT_JOB_OPTIONS, jobId: randomUUID() });
    return reply.status(202).send({ jobId: job.id });
  });

  app.post('/v1/retrain', async (_request, reply) => {
    const job = await ctx.queues.retrain.add(RETRAIN_JOB.name, { reason: 'manual' }, { ...DEFAULT_JOB_OPTIONS, jobId: randomUUID() });
    return reply.status(202).send({ jobId: job.id });
  });

  app.get('/v1/prototypes', async (request) => {
    const { active, models } = await activeVersion(ctx.db, request.query);
    const { version, createdAt, exampleCount, model } = active;
    return {
      version, createdAt, exampleCount, model: modelLabel(model), modelName: model.name, modelVariant: model.variant,
      categories: active.prototypes.map((p) => p.category),
      models: models.map((m) => ({ model: modelLabel(m.model), version: m.version, createdAt: m.createdAt, exampleCount: m.exampleCount })),
    };
  });

  app.get('/v1/calibration', async (request) => {
    const { active } = await activeVersion(ctx.db, request.query);
    if (!active.calibration) throw new HttpError(404, `prototype version ${active.version} was built before calibration existed: POST /v1/retrain builds a calibrated one`);
    return { version: active.version, createdAt: active.createdAt, model: modelLabel(active.model), ...active.calibration };
  });

  app.get('/v1/models', async () => ({
    models: (await discoverModels(ctx.modelsDir)).map(({ id, manifest, verified, problems }) => ({ id, verified, problems, manifest: manifest ?? null })),
  }));

  app.delete('/v1/cache', async () => ({ removed: await clearByPrefix(ctx.redis, resultCachePrefix(ctx.prefix)) }));

  app.get('/v1/categories', async () => ({ categories: await listCategories(ctx.db) }));

  app.post('/v1/categories', async (request, reply) => {
    const c = parse(CategoryRequest, request.body);
    if ((await listCategories(ctx.db)).some((x) => x.name === c.name)) throw new HttpError(409, `category ${c.name} exists; add examples with POST /v1/categories/${c.name}/examples`);
    await seedTaxonomy(ctx.db, [c]);
    return reply.status(201).send({ name: c.name, examples: c.examples.length, effective: 'at the next retrain' });
  });

  app.post('/v1/categories/:name/examples', async (request, reply) => {
    const { name } = request.params as { name: string };
    const { examples } = parse(ExamplesRequest, request.body);
    if (!(await listCategories(ctx.db)).some((x) => x.name === name)) throw new HttpError(404, `no category ${name}; create it with POST /v1/categories`);
    const added = await addExamples(ctx.db, name, examples);
    return reply.status(201).send({ name, added, effective: 'at the next retrain' });
  });
}
