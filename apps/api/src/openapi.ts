// The OpenAPI document, generated from the same zod schemas the routes validate with.
import { CLASSIFY_JOB, FEEDBACK_JOB, RETRAIN_JOB } from '@txcat/contracts';
import { z } from 'zod';
import { CategoryRequest, ClassifyRequest, ExamplesRequest, FeedbackRequest } from './schemas.js';

const json = (schema: z.ZodType) => ({ 'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) } });
const error = { description: 'what to fix', content: { 'application/json': { schema: { type: 'object', properties: { error: { type: 'string' } } } } } };

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: { title: 'txcat', version: '1', description: 'Categorizes bank statement lines. Jobs are queued; workers answer.' },
    paths: {
      '/v1/classify': { post: {
        summary: 'Classify up to 1,000 transactions; with "wait": true, answer with the results (bounded wait, else 202). When every transaction has a current cached answer, no job is made: jobId is null and each result says cached: true',
        requestBody: { content: json(ClassifyRequest) },
        responses: { 200: { description: 'results', content: json(z.object({ jobId: z.string().nullable(), results: CLASSIFY_JOB.result.shape.results })) }, 202: { description: 'queued: { jobId }' }, 400: error, 413: error, 422: error },
      } },
      '/v1/jobs/{jobId}': { get: { summary: 'A job\'s state and, when done, its results or error', responses: { 200: { description: '{ state, results?, error? }; state is waiting, active, waiting-children (a request of more than 100 transactions while its parts are answered), delayed, completed or failed' }, 404: error } } },
      '/v1/feedback': { post: { summary: 'A correction; idempotent on transactionId', requestBody: { content: json(FeedbackRequest) }, responses: { 202: { description: 'queued' }, 422: error } } },
      '/v1/retrain': { post: { summary: 'Rebuild the prototypes from seed examples and feedback', responses: { 202: { description: 'queued', content: json(z.object({ jobId: z.string() })) } } } },
      '/v1/prototypes': { get: { summary: 'The active prototype version of ?model=name@variant (default: the model that built the newest version), and the newest version of every model', responses: { 200: { description: '{ version, createdAt, exampleCount, model, modelName, modelVariant, categories, models: [{ model, version, createdAt, exampleCount }] }' }, 404: error, 422: error } } },
      '/v1/calibration': { get: { summary: 'The active version\'s calibration (of ?model=name@variant, default as /v1/prototypes): temperature, the high/medium/review thresholds (high = the target precision on held-out data) and its reliability figures (accuracy, ECE, bins)', responses: { 200: { description: '{ version, model, temperature, highThreshold, mediumThreshold, reviewThreshold, targetHighPrecision, heldOut }' }, 404: error, 422: error } } },
      '/v1/models': { get: { summary: 'Model variants found under models/, each with its manifest and whether its checksums verified', responses: { 200: { description: '{ models: [{ id, verified, problems, manifest }] }' } } } },
      '/v1/cache': { delete: { summary: 'Clears the result cache (answers are recomputed; nothing else is lost)', responses: { 200: { description: '{ removed }' } } } },
      '/v1/categories': {
        get: { summary: 'The taxonomy', responses: { 200: { description: '{ categories }' } } },
        post: { summary: 'Add a category with a few example lines (effective at the next retrain)', requestBody: { content: json(CategoryRequest) }, responses: { 201: { description: 'created' }, 409: error, 422: error } },
      },
      '/v1/categories/{name}/examples': { post: { summary: 'Add examples to a category', requestBody: { content: json(ExamplesRequest) }, responses: { 201: { description: 'added' }, 404: error } } },
      '/health/live': { get: { summary: 'The process answers', responses: { 200: { description: 'ok' } } } },
      '/health/ready': { get: { summary: 'Redis, Postgres and at least one worker are there', responses: { 200: { description: 'ready' }, 503: { description: 'not ready, with the failing checks' } } } },
      '/metrics': { get: { summary: 'Prometheus metrics', responses: { 200: { description: 'text/plain' } } } },
    },
    'x-jobs': [CLASSIFY_JOB, FEEDBACK_JOB, RETRAIN_JOB].map((j) => ({ name: j.name, version: j.version, queue: j.queue })),
  };
}
