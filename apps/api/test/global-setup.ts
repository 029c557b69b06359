// Copy this into a workspace's test/ folder and name it in vitest.config.ts (globalSetup):
// integration tests then get real Redis and Postgres URLs through inject('redisUrl') and
// inject('databaseUrl'). With REDIS_URL / DATABASE_URL set, those servers are used instead.
import type { TestProject } from 'vitest/node';
import { provideTestServices } from '@txcat/infra';

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
