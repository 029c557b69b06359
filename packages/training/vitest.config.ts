import { defineTxcatConfig } from '../../vitest.shared.ts';

export default defineTxcatConfig({ services: true, testTimeoutMs: 300_000 });
