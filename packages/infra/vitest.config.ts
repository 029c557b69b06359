import { defineTxcatConfig } from '../../vitest.shared.ts';

export default defineTxcatConfig({ globalSetup: ['test/global-setup.ts'] });
