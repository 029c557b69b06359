// The one vitest globalSetup for workspaces whose tests need Redis and Postgres: real servers from
// REDIS_URL / DATABASE_URL, or started by @txcat/infra in a temporary folder. Tests read them with
// inject('redisUrl') and inject('databaseUrl'); each test file makes its own database
// (createTestDatabase) and queue prefix.
import { provideTestServices } from '@txcat/infra';
import type { TestProject } from 'vitest/node';

export default async function setup(project: TestProject) {
  const services = await provideTestServices({ redisUrl: process.env.REDIS_URL, databaseUrl: process.env.DATABASE_URL });
  project.provide('redisUrl', services.redisUrl);
  project.provide('databaseUrl', services.databaseUrl);
  return () => services.close();
}
