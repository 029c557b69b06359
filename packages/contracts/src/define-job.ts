// A job is defined once: name, version, queue, payload and result schemas. The API's enqueue and
// the worker's handler take the same definition, so their types flow from it, and the worker
// re-parses every payload on dequeue (a bad payload is not retried).
import type { z } from 'zod';
import { ContractError } from './errors.js';

export interface JobDefinition<P extends z.ZodType, R extends z.ZodType> {
  name: string;
  version: number;
  queue: string;
  payload: P;
  result: R;
  parsePayload(input: unknown): z.infer<P>;
  parseResult(input: unknown): z.infer<R>;
}

export type PayloadOf<J> = J extends JobDefinition<infer P, z.ZodType> ? z.infer<P> : never;
export type ResultOf<J> = J extends JobDefinition<z.ZodType, infer R> ? z.infer<R> : never;

/** Every problem as `path: message`, joined: what an HTTP 422 or a failed job says. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`).join('; ');
}

export function defineJob<P extends z.ZodType, R extends z.ZodType>(d: { name: string; version: number; queue: string; payload: P; result: R }): JobDefinition<P, R> {
  const parse = <T extends z.ZodType>(schema: T, what: string) => (input: unknown): z.infer<T> => {
    const r = schema.safeParse(input);
    if (!r.success) throw new ContractError('validation', `${d.name} v${d.version} ${what} is invalid: ${describeIssues(r.error)}`, { cause: r.error, issues: r.error.issues });
    return r.data;
  };
  return { ...d, parsePayload: parse(d.payload, 'payload'), parseResult: parse(d.result, 'result') };
}
