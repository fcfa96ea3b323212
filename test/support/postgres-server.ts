import { spawnSync, execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A throw-away PostgreSQL server for tests: initdb into a temp folder, listen on a free loopback port and
 * a socket in that folder, stopped and removed afterwards. As root (CI) it runs as the "postgres" system
 * user, because PostgreSQL refuses to run as root.
 */
export interface TestPostgres {
  url: string;
  /** URL of another database on the same server. */
  urlFor(database: string): string;
  stop(): void;
}

export function findPostgresBinDir(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .map(Number)
    .filter((v) => v >= 15)
    .sort((a, b) => b - a);
  for (const version of versions) {
    const dir = path.join(base, String(version), 'bin');
    if (existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'))) return dir;
  }
  return null;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function uidOf(user: string): { uid: number; gid: number } | null {
  const result = spawnSync('id', ['-u', user], { encoding: 'utf8' });
  const group = spawnSync('id', ['-g', user], { encoding: 'utf8' });
  if (result.status !== 0 || group.status !== 0) return null;
  return { uid: Number(result.stdout.trim()), gid: Number(group.stdout.trim()) };
}

export async function startTestPostgres(): Promise<TestPostgres> {
  const bin = findPostgresBinDir();
  if (!bin) throw new Error('PostgreSQL 15+ server binaries not found under /usr/lib/postgresql: apt-get install -y postgresql');
  const root = mkdtempSync(path.join(os.tmpdir(), 'wijkregie-testpg-'));
  const dataDir = path.join(root, 'data');
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  const runAs = asRoot ? uidOf('postgres') : null;
  if (asRoot && !runAs) throw new Error('Running as root, but there is no "postgres" user to run the test server as');
  if (runAs) {
    chownSync(root, runAs.uid, runAs.gid);
    chmodSync(root, 0o700);
  }
  const run = (command: string, args: string[]): void => {
    const file = path.join(bin, command);
    const full = runAs ? ['runuser', ['-u', 'postgres', '--', file, ...args]] as const : [file, args] as const;
    execFileSync(full[0], [...full[1]], { stdio: ['ignore', 'ignore', 'pipe'], cwd: root });
  };
  run('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-locale', '--no-sync']);
  run('pg_ctl', [
    '-D', dataDir, '-l', path.join(root, 'server.log'), '-w', '-t', '60',
    '-o', `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=on -c shared_buffers=128MB`,
    'start',
  ]);
  let stopped = false;
  const urlFor = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    url: urlFor('postgres'),
    urlFor,
    stop: () => {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
