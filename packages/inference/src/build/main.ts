// `node dist/build/main.js [--out DIR] [--if-missing] [--update-manifest] [--variant fp32|int8]`:
// builds the model folders. Run by this package's build script, so `npm install` builds them.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildModels } from './build-model.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
try {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: path.join(repoRoot, 'models') },
      'if-missing': { type: 'boolean', default: false },
      'update-manifest': { type: 'boolean', default: false },
      variant: { type: 'string', multiple: true },
    },
    strict: true,
  });
  const variants = values.variant?.map((v) => {
    if (v !== 'fp32' && v !== 'int8') throw new Error(`--variant must be fp32 or int8, got "${v}"`);
    return v;
  });
  await buildModels({
    outDir: values.out, ifMissing: values['if-missing'], updateManifest: values['update-manifest'], variants, log: (l) => console.log(l),
  });
} catch (error) {
  console.error(`build-model: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
