// The API's one mapping from errors to HTTP: validation 422 (400 for malformed JSON, 413 for too
// many items), overloaded 429, retryable 503. Every body says what to fix.
import { ContractError } from '@txcat/contracts';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

export class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly details?: unknown) {
    super(message);
  }
}

export function sendError(error: unknown, _request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof HttpError) return reply.status(error.status).send({ error: error.message, ...(error.details ? { details: error.details } : {}) });
  if (error instanceof ContractError) {
    const status = error.kind === 'validation' ? 422 : error.kind === 'overloaded' ? 429 : 503;
    return reply.status(status).send({ error: error.message, ...(error.issues.length ? { issues: error.issues } : {}) });
  }
  const fe = error as FastifyError;
  if (fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe instanceof SyntaxError || fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return reply.status(400).send({ error: `the body is not valid JSON: ${fe.message}` });
  }
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return reply.status(415).send({ error: 'send the body as application/json' });
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.status(413).send({ error: 'the body is too large: send at most 1,000 transactions per request' });
  if (typeof fe.statusCode === 'number' && fe.statusCode < 500) return reply.status(fe.statusCode).send({ error: fe.message });
  reply.log.error(error);
  return reply.status(503).send({ error: 'the service could not complete the request; retry later' });
}
