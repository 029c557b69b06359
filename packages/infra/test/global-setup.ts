// Ready to copy into another workspace's test/ folder (import from '@txcat/infra' there, and add
// "@txcat/infra": "*" to its devDependencies), then name it in vitest.config.ts:
//   export default defineTxcatConfig({ globalSetup: ['test/global-setup.ts'] });
// Tests get the URLs with inject('redisUrl') / inject('databaseUrl'). With REDIS_URL /
// DATABASE_URL set, those servers are used; otherwise real ones start in a temporary folder.
import type { TestProject } from 'vitest/node';
import { provideTestServices } from '../src/index.js';

export default async function setup(project: TestProject) {
  const services = await provideTestServices({ redisUrl: process.env.REDIS_URL, databaseUrl: process.env.DATABASE_URL });
  project.provide('redisUrl', services.redisUrl);
  project.provide('databaseUrl', services.databaseUrl);
  return () => services.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
    databaseUrl: string;
  }
}
