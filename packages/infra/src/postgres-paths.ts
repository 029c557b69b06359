// Postgres refuses to run as root, so as root it runs as the `postgres` user, which must be able
// to reach its binaries and its data. A checkout under a 0700 folder (such as /root) is out of its
// reach: then the binaries are copied, and the data kept, under /var/lib/txcat instead.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { chmod, lstat, mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { InfraError } from './infra-error.js';

const run = promisify(execFile);
export const RELOCATION_ROOT = '/var/lib/txcat';

export interface PostgresUser {
  uid: number;
  gid: number;
}

/** The `postgres` OS user, created when missing (root only). */
export async function ensurePostgresUser(): Promise<PostgresUser> {
  const id = async () => ({
    uid: Number((await run('id', ['-u', 'postgres'])).stdout.trim()),
    gid: Number((await run('id', ['-g', 'postgres'])).stdout.trim()),
  });
  try {
    return await id();
  } catch {
    await run('groupadd', ['-f', '--system', 'postgres']);
    await run('useradd', ['--system', '-g', 'postgres', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
    return id();
  }
}

/** Whether `user` can traverse every folder from / down to `target`. */
export function canTraverse(target: string, user: PostgresUser): boolean {
  let dir = path.resolve(target);
  for (;;) {
    if (existsSync(dir)) {
      const s = statSync(dir);
      const bit = s.uid === user.uid ? 0o100 : s.gid === user.gid ? 0o010 : 0o001;
      if (s.isDirectory() && (s.mode & bit) === 0) return false;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return true;
    dir = parent;
  }
}

/** The binaries folder the postgres user can run: the package's own, or a copy of it. */
export async function reachableBinaries(nativeDir: string, version: string, user: PostgresUser, log: (l: string) => void): Promise<string> {
  if (canTraverse(path.join(nativeDir, 'bin'), user)) return nativeDir;
  const copy = path.join(RELOCATION_ROOT, `postgres-${version}`);
  if (!existsSync(path.join(copy, 'bin', 'postgres'))) {
    log(`the Postgres binaries under ${nativeDir} are out of the postgres user's reach: copying them to ${copy}`);
    await mkdir(RELOCATION_ROOT, { recursive: true });
    await chmod(RELOCATION_ROOT, 0o755);
    await run('cp', ['-a', nativeDir, `${copy}.tmp`]);
    await run('chmod', ['-R', 'a+rX', `${copy}.tmp`]);
    await run('mv', [`${copy}.tmp`, copy]);
  }
  return copy;
}

/**
 * Where the cluster's data lives: <dataDir>/postgres, or a folder under /var/lib/txcat keyed by a
 * hash of it. Then <dataDir>/postgres is a symlink to it (and <dataDir>/postgres.location says so
 * in words), so the data persists across restarts and stays findable from the data folder.
 */
export async function reachableDataDir(requested: string, user: PostgresUser | undefined, log: (l: string) => void): Promise<string> {
  if (!user || canTraverse(path.dirname(requested), user)) return requested;
  const key = createHash('sha256').update(requested).digest('hex').slice(0, 16);
  const relocated = path.join(RELOCATION_ROOT, `data-${key}`, 'postgres');
  await mkdir(path.dirname(relocated), { recursive: true });
  await chmod(RELOCATION_ROOT, 0o755);
  await chmod(path.dirname(relocated), 0o755);
  await mkdir(path.dirname(requested), { recursive: true });
  await writeFile(`${requested}.location`, `${relocated}\n# ${requested} is out of the postgres user's reach, so the cluster lives there.\n`);
  const link = await lstat(requested).catch(() => undefined);
  if (!link) await symlink(relocated, requested);
  else if (!link.isSymbolicLink()) {
    throw new InfraError('start_failed', `${requested} exists but the postgres user cannot reach it (a parent folder is not world-executable): chmod o+x the parents, or move the data folder`);
  }
  if (!existsSync(path.join(relocated, 'PG_VERSION'))) log(`${requested} is out of the postgres user's reach: keeping the cluster in ${relocated} (symlinked)`);
  return relocated;
}
