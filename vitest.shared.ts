// One vitest configuration for every workspace. Each run also writes a JSON report that .ci/run
// adds up into the plain "N passed, N failed" line CI reads.
import { defineConfig, type ViteUserConfig } from 'vitest/config';

export interface TxcatTestOptions {
  /** Real Redis and Postgres for the workspace's tests (see vitest.global-setup.ts). */
  services?: boolean;
  /** Per-test timeout; model and database tests need more than vitest's 5 s default. */
  testTimeoutMs?: number;
}

export function defineTxcatConfig(options: TxcatTestOptions = {}): ViteUserConfig {
  return defineConfig({
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      globalSetup: options.services ? [new URL('./vitest.global-setup.ts', import.meta.url).pathname] : [],
      testTimeout: options.testTimeoutMs ?? 30_000,
      hookTimeout: 180_000,
      pool: 'forks',
      reporters: ['default', 'json'],
      outputFile: { json: '.vitest/results.json' },
    },
  });
}
