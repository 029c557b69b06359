import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs in strict mode, with its errors turned into one-line usage errors. */
export function parseCommandArgs<O extends Options>(command: string, argv: string[], options: O): ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>> {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UsageError(`txcat ${command}: ${detail} (see \`txcat ${command} --help\`)`, { cause: error });
  }
}

/** Texts given on the command line: at least one, none empty. */
export function requireTexts(command: string, positionals: string[]): string[] {
  if (positionals.length === 0) {
    throw new UsageError(`txcat ${command}: give at least one text, e.g. txcat ${command} "UBER *TRIP"`);
  }
  positionals.forEach((text, i) => {
    if (text.trim() === '') throw new UsageError(`txcat ${command}: text ${i + 1} is empty; pass a non-empty statement line`);
  });
  return positionals;
}

/** `--variant`: which built model to use. */
export function parseVariant(value: string | undefined): 'fp32' | 'int8' | undefined {
  if (value === undefined || value === 'fp32' || value === 'int8') return value;
  throw new UsageError(`--variant must be fp32 or int8, got "${value}"`);
}
