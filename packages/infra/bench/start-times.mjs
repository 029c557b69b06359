// Prints how long the embedded servers take to start: cold (fresh data folder: initdb, empty AOF)
// and warm (the same folder again). Run after a build: node packages/infra/bench/start-times.mjs
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startPostgres, startRedis } from '../dist/index.js';

const dataDir = await mkdtemp(path.join(tmpdir(), 'txcat-bench-'));
await chmod(dataDir, 0o755);
const time = async (label, start) => {
  const t0 = performance.now();
  const server = await start({ dataDir });
  const ms = performance.now() - t0;
  await server.close();
  console.log(`${label.padEnd(16)} ${ms.toFixed(0).padStart(6)} ms`);
};
try {
  await time('redis cold', startRedis);
  await time('redis warm', startRedis);
  await time('postgres cold', startPostgres);
  await time('postgres warm', startPostgres);
  await time('postgres warm', startPostgres);
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
