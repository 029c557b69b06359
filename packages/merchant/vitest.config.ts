import { defineTxcatConfig } from '../../vitest.shared.ts';

export default defineTxcatConfig();
