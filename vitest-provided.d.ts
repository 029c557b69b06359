// What vitest.global-setup.ts provides to tests (inject('redisUrl'), inject('databaseUrl')).
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
    databaseUrl: string;
  }
}
