import { defineTxcatConfig } from '../../vitest.shared.ts';

export default defineTxcatConfig({ testTimeoutMs: 300_000 });
