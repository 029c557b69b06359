// A separate Node service that enqueues directly on txcat's queues (no HTTP), with the typed client.
//   REDIS_URL=redis://127.0.0.1:6379 node examples/node-service/index.mjs "UBER *TRIP" "SHELL OIL 57444221"
// A running fleet (npm start, or workers pointed at the same Redis) answers.
import { createClient } from '@txcat/client';

const redisUrl = process.env.REDIS_URL;
if (!redisUrl) {
  console.error('set REDIS_URL to the fleet\'s Redis (npm start prints it)');
  process.exit(2);
}
const lines = process.argv.slice(2);
const client = createClient({ connection: redisUrl, prefix: process.env.TXCAT_QUEUE_PREFIX ?? 'txcat' });
try {
  const { results } = await client.classify({ transactions: (lines.length ? lines : ['UBER *TRIP']).map((description, i) => ({ id: String(i + 1), description })) });
  for (const r of results) console.log(`${r.category.padEnd(26)} ${r.confidence.toFixed(3)}  (prototype version ${r.prototypeVersion})`);
} finally {
  await client.close();
}
