// Load for the fleet benchmark: statement lines in two mixes, sent over HTTP as classify requests
// with `wait: true`, closed loop (saturation) or open loop (an offered rate). Latency is measured
// from request to result.
import { Agent, request } from 'node:http';
import { benchTexts, percentile } from './texts.js';

export type Mix = 'cold' | 'repeat';

/** A deterministic generator (mulberry32): both fleets see the same stream. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Letters only: digits are stripped by normalization, so a word made of them would not be unique. */
function word(n: number): string {
  let s = '';
  do {
    s += String.fromCharCode(65 + (n % 26));
    n = Math.floor(n / 26);
  } while (n > 0);
  return s;
}

/**
 * cold: every line a merchant never seen before (no cache can help). repeat: 80% of lines from
 * the 20% most popular of `merchants` merchants, each line with its own date and store number, as
 * real statements repeat merchants but rarely repeat lines byte for byte.
 */
export async function lineSource(mix: Mix, salt: string, merchants = 1000): Promise<() => string> {
  const bases = await benchTexts(merchants);
  const next = random(merchants * 31 + (mix === 'cold' ? 1 : 2));
  let i = 0;
  if (mix === 'cold') return () => `${bases[i % bases.length]} ${salt}${word(i++)}`;
  const hot = Math.max(1, Math.floor(merchants * 0.2));
  return () => {
    const m = next() < 0.8 ? Math.floor(next() * hot) : hot + Math.floor(next() * (merchants - hot));
    const digits = String(Math.floor(next() * 10_000)).padStart(4, '0');
    return `${digits} ${bases[m]} #${digits.slice(1)}`;
  };
}

export interface LoadResult {
  jobs: number;
  seconds: number;
  jobs_per_s: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  errors: number;
  /** Share of results answered from the fleet's result cache. */
  cache_hit_rate: number;
}

interface Sample { ms: number; ok: boolean; cached: number; items: number }

// node:http with a keep-alive agent, not fetch(): on a two-core machine the load generator shares
// the cores with the fleet, and fetch's stream machinery costs several times more CPU per request.
const agent = new Agent({ keepAlive: true, maxSockets: 1024 });

function postJson(url: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export async function classifyOver(url: string, descriptions: string[]): Promise<Sample> {
  const t0 = performance.now();
  try {
    const payload = JSON.stringify({ wait: true, transactions: descriptions.map((description, id) => ({ id: String(id), description })) });
    const res = await postJson(`${url}/v1/classify`, payload);
    let body = JSON.parse(res.text) as { jobId?: string; state?: string; results?: Array<{ cached?: boolean }> };
    // A job that outlasts the API's bounded wait is answered 202: follow it to its end.
    const jobId = res.status === 202 ? body.jobId : undefined;
    if (jobId) {
      for (;;) {
        body = (await (await fetch(`${url}/v1/jobs/${jobId}`)).json()) as typeof body;
        if (body.state === 'completed' || body.state === 'failed') break;
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    const ok = (res.status === 200 || body.state === 'completed') && body.results?.length === descriptions.length;
    return { ms: performance.now() - t0, ok, cached: body.results?.filter((r) => r.cached).length ?? 0, items: descriptions.length };
  } catch {
    return { ms: performance.now() - t0, ok: false, cached: 0, items: descriptions.length };
  }
}

function summarize(samples: Sample[], seconds: number): LoadResult {
  const ok = samples.filter((s) => s.ok);
  const ms = ok.map((s) => s.ms).sort((a, b) => a - b);
  const r1 = (x: number) => Math.round(x * 10) / 10;
  return {
    jobs: ok.length,
    seconds: r1(seconds),
    jobs_per_s: Math.round(ok.length / seconds),
    p50_ms: r1(percentile(ms, 50)),
    p95_ms: r1(percentile(ms, 95)),
    p99_ms: r1(percentile(ms, 99)),
    errors: samples.length - ok.length,
    cache_hit_rate: Math.round((ok.reduce((n, s) => n + s.cached, 0) / Math.max(1, ok.reduce((n, s) => n + s.items, 0))) * 1000) / 1000,
  };
}

/** `callers` requests always in flight, for `durationMs`: the fleet's saturation throughput. */
export async function closedLoop(url: string, next: () => string, callers: number, durationMs: number): Promise<LoadResult> {
  const samples: Sample[] = [];
  const start = performance.now();
  await Promise.all(Array.from({ length: callers }, async () => {
    while (performance.now() - start < durationMs) samples.push(await classifyOver(url, [next()]));
  }));
  return summarize(samples, (performance.now() - start) / 1000);
}

/** Requests started at `rate` per second regardless of answers (open loop), for `durationMs`. */
export async function openLoop(url: string, next: () => string, rate: number, durationMs: number): Promise<LoadResult & { offered_per_s: number }> {
  const pending: Array<Promise<Sample>> = [];
  const start = performance.now();
  while (performance.now() - start < durationMs) {
    const due = Math.floor(((performance.now() - start) / 1000) * rate);
    while (pending.length < due) pending.push(classifyOver(url, [next()]));
    await new Promise((r) => setTimeout(r, 1));
  }
  const samples = await Promise.all(pending);
  return { offered_per_s: rate, ...summarize(samples, (performance.now() - start) / 1000) };
}
