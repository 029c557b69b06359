// Entry point of the `txcat` bin: wiring only. The logic lives in createCli().
import { createCli } from './cli.js';
import { processOutput } from './output.js';

const controller = new AbortController();
const cli = createCli({ env: process.env, output: processOutput, signal: controller.signal });
process.exitCode = await cli.run(process.argv.slice(2));
