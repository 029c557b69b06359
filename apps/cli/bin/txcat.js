#!/usr/bin/env node
// Committed shim so that npm can link the `txcat` bin at install time, before dist/ is built.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  console.error('txcat: the CLI is not built yet. Run `npm install` (or `npm run build`) from the repository root.');
  process.exit(1);
}
await import(entry.href);
