import type { Env } from './env.js';
import type { Output } from './output.js';

export interface CommandContext {
  env: Env;
  output: Output;
  /** Aborted on SIGINT/SIGTERM: long-running commands stop and clean up. */
  signal: AbortSignal;
}

export type Command = (argv: string[], context: CommandContext) => Promise<number>;
