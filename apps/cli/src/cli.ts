import type { Command, CommandContext } from './command.js';
import { benchHelp, runBench, runBenchNaiveWorker, runBenchScenario } from './commands/bench.js';
import { classifyHelp, runClassify } from './commands/classify.js';
import { embedHelp, runEmbed } from './commands/embed.js';
import { evalHelp, runEval } from './commands/eval.js';
import { runStart, startHelp } from './commands/start.js';
import { parseEnv } from './env.js';
import { errorMessage, UsageError } from './errors.js';
import type { Output } from './output.js';

const COMMANDS: Record<string, { run: Command; help: string }> = {
  embed: { run: runEmbed, help: embedHelp },
  classify: { run: runClassify, help: classifyHelp },
  eval: { run: runEval, help: evalHelp },
  start: { run: runStart, help: startHelp },
  bench: { run: runBench, help: benchHelp },
};

const HIDDEN: Record<string, Command> = { '__bench-scenario': runBenchScenario, '__bench-naive-worker': runBenchNaiveWorker };

export const HELP = `txcat: categorize bank statement lines with sentence embeddings

Usage: txcat <command> [options]

Commands:
${Object.values(COMMANDS).map((c) => `  ${c.help.split('\n')[0]?.replace('Usage: txcat ', '')}`).join('\n')}

Run \`txcat <command> --help\` for a command's options.`;

export interface CliOptions {
  env: Record<string, string | undefined>;
  output: Output;
  signal?: AbortSignal;
}

/** The CLI as a factory, so tests run it in-process with their own output and environment. */
export function createCli({ env, output, signal = new AbortController().signal }: CliOptions) {
  return {
    /** Runs one command line; returns the exit code (0 ok, 1 failure, 2 bad input). */
    async run(argv: string[]): Promise<number> {
      const [name, ...rest] = argv;
      if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
        output.out(HELP);
        return name === undefined ? 2 : 0;
      }
      const command = COMMANDS[name] ?? (HIDDEN[name] ? { run: HIDDEN[name], help: '' } : undefined);
      if (!command) {
        output.err(`txcat: unknown command "${name}"; expected one of ${Object.keys(COMMANDS).join(', ')}`);
        return 2;
      }
      try {
        const context: CommandContext = { env: parseEnv(env), output, signal };
        return await command.run(rest, context);
      } catch (error) {
        output.err(`txcat ${name}: ${errorMessage(error)}`.replace(`txcat ${name}: txcat ${name}: `, `txcat ${name}: `));
        return error instanceof UsageError ? 2 : 1;
      }
    },
  };
}
