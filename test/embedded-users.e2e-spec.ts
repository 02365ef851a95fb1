import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/common/paths.js';
import { embeddedServer } from './support/cli-process.js';
import { startService, type ServiceProcess } from './support/service-process.js';

/** The user a process runs as, from /proc (Linux). */
const ownerOf = (pid: number) => Number(/^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
const uidOf = (name: string) => Number(execFileSync('id', ['-u', name]).toString().trim());
const gidOf = (name: string) => Number(execFileSync('id', ['-g', name]).toString().trim());

const root = process.getuid?.() === 0;
const linux = process.platform === 'linux';

/**
 * PostgreSQL refuses to run as root: started by root, the service runs the embedded server as the
 * unprivileged user postgres; started by anyone else, as that user. Where the machine allows (tests run
 * as root on Linux, as in CI), both are started for real.
 */
(root && linux ? describe : describe.skip)('the embedded server\'s user', () => {
  const dirs: string[] = [];
  const services: ServiceProcess[] = [];
  const freshDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'stanceline-users-'));
    chmodSync(dir, 0o755);
    dirs.push(dir);
    return dir;
  };
  const start = async (dataDir: string, user?: { uid: number; gid: number }) => {
    const service = await startService({ DATABASE_URL: undefined, API_KEYS: undefined, DATA_DIR: dataDir, SEED_ON_EMPTY: 'true' },
      { healthTimeoutMs: 180_000, user });
    services.push(service);
    return service;
  };

  afterAll(async () => {
    for (const service of services) await service.stop('SIGTERM');
    for (const dir of dirs) {
      const server = embeddedServer(dir);
      if (server) process.kill(server.pid, 'SIGINT');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('started as root, runs PostgreSQL as the user postgres, owning the cluster; the files for people stay root\'s', async () => {
    const dataDir = freshDir();
    const service = await start(dataDir);
    expect((await fetch(`${service.url}/v1/actors/volodymyr-zelensky`)).status).toBe(200);
    const server = embeddedServer(dataDir)!;
    expect(ownerOf(server.pid)).toBe(uidOf('postgres'));
    expect(ownerOf(service.child.pid!)).toBe(0);
    expect(statSync(join(dataDir, 'postgres')).uid).toBe(uidOf('postgres'));
    expect([statSync(join(dataDir, 'postgres-password')).uid, statSync(join(dataDir, 'api-key')).uid]).toEqual([0, 0]);
    await service.stop('SIGTERM');
    expect(embeddedServer(dataDir)).toBeUndefined();
  }, 300_000);

  // That user must be able to run this Node and read the build: not so for a checkout under /root.
  const nobodyCanRun = () => root && linux && spawnSync('/bin/sh', ['-c', 'test -x "$1" && test -r "$2"', 'sh', process.execPath, join(PROJECT_ROOT, 'dist/src/main.js')],
    { uid: uidOf('nobody'), gid: gidOf('nobody') }).status === 0;
  (nobodyCanRun() ? it : it.skip)('started as a non-root user, runs PostgreSQL as that user', async () => {
    const dataDir = freshDir();
    const nobody = { uid: uidOf('nobody'), gid: gidOf('nobody') };
    chownSync(dataDir, nobody.uid, nobody.gid);
    const service = await start(dataDir, nobody);
    expect((await fetch(`${service.url}/v1/actors/volodymyr-zelensky`)).status).toBe(200);
    expect(service.output()).toContain('Stanceline ready at');
    const server = embeddedServer(dataDir)!;
    expect(ownerOf(server.pid)).toBe(nobody.uid);
    await service.stop('SIGTERM');
    expect(embeddedServer(dataDir)).toBeUndefined();
  }, 300_000);
});
