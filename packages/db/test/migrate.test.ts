import { createTestDatabase } from '@txcat/infra';
// Migrations: idempotent, safe from several connections at once, and in step with the schema.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { createDb, migrate, MIGRATIONS_FOLDER } from '../src/index.js';

async function appliedCount(databaseUrl: string): Promise<number> {
  const store = createDb({ databaseUrl });
  try {
    const { rows } = await store.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
    return rows[0]!.n;
  } finally {
    await store.close();
  }
}

describe('migrate', () => {
  it('applies every migration once; a second run is a no-op', async () => {
    const url = await createTestDatabase(inject('databaseUrl'));
    const files = (await readdir(MIGRATIONS_FOLDER)).filter((f) => f.endsWith('.sql')).length;
    await migrate({ databaseUrl: url });
    expect(await appliedCount(url)).toBe(files);
    await migrate({ databaseUrl: url });
    expect(await appliedCount(url)).toBe(files);
  });

  it('is safe from three connections at once (advisory lock)', async () => {
    const url = await createTestDatabase(inject('databaseUrl'));
    await Promise.all([migrate({ databaseUrl: url }), migrate({ databaseUrl: url }), migrate({ databaseUrl: url })]);
    expect(await appliedCount(url)).toBe((await readdir(MIGRATIONS_FOLDER)).filter((f) => f.endsWith('.sql')).length);
  });

  it('says what to do when the migrations folder is missing', async () => {
    await expect(migrate({ databaseUrl: inject('databaseUrl'), migrationsFolder: '/nonexistent' })).rejects.toMatchObject({ code: 'migration_failed', message: expect.stringMatching(/db:generate/) });
  });

  it('has no drift: drizzle-kit finds nothing to generate from the schema', async () => {
    // drizzle-kit takes --out relative to its working folder: copy the migrations next to it.
    const cwd = path.resolve(import.meta.dirname, '..');
    await mkdir(path.join(cwd, '.vitest'), { recursive: true });
    const out = path.relative(cwd, await mkdtemp(path.join(cwd, '.vitest', 'drift-')));
    await cp(MIGRATIONS_FOLDER, path.join(cwd, out), { recursive: true });
    try {
      const { stdout, stderr } = await promisify(execFile)('npx', ['drizzle-kit', 'generate', '--dialect', 'postgresql', '--schema', 'src/schema.ts', '--out', out], { cwd });
      expect(stdout + stderr).toContain('No schema changes');
      expect((await readdir(path.join(cwd, out))).sort()).toEqual((await readdir(MIGRATIONS_FOLDER)).sort());
    } finally {
      await rm(path.join(cwd, out), { recursive: true, force: true });
    }
  });
});
