export { startEmbedded, withEmbedded, type Embedded, type EmbeddedOptions } from './embedded.js';
export { InfraError, type InfraErrorCode } from './infra-error.js';
export { freePort } from './ports.js';
export { canTraverse, RELOCATION_ROOT } from './postgres-paths.js';
export { startPostgres, type StartPostgresOptions } from './postgres.js';
export { ensureRedisServer, findRedisServer } from './redis-install.js';
export { startRedis, type RunningServer, type StartRedisOptions } from './redis.js';
export { createTestDatabase, provideTestServices, type TestServicesOptions } from './test-services.js';
