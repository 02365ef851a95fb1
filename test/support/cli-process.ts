import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/common/paths.js';

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A built command-line tool (dist/src/cli/<name>.js) as a user runs it; without blocking the test's event loop. */
export async function runCliTool(name: string, args: string[], env: Record<string, string | undefined>): Promise<CliRun> {
  const childEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, ...env })) if (v !== undefined) childEnv[k] = v;
  const child = spawn(process.execPath, [join(PROJECT_ROOT, `dist/src/cli/${name}.js`), ...args], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => { stdout += chunk; });
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const [code] = await once(child, 'close');
  return { code: code as number | null, stdout, stderr };
}

/** The embedded server running on a DATA_DIR, from PostgreSQL's own postmaster.pid; undefined when none runs. */
export function embeddedServer(dataDir: string): { pid: number; port: number } | undefined {
  let lines: string[];
  try {
    lines = readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  try {
    process.kill(pid, 0);
  } catch {
    return undefined;
  }
  return { pid, port: Number(lines[3]) };
}

/** A connection string to the embedded server of a DATA_DIR, with the password it keeps there. */
export function embeddedUrl(dataDir: string): string {
  const server = embeddedServer(dataDir);
  if (!server) throw new Error(`no embedded server runs on ${dataDir}`);
  const password = readFileSync(join(dataDir, 'postgres-password'), 'utf8').trim();
  return `postgres://stanceline:${encodeURIComponent(password)}@127.0.0.1:${server.port}/postgres`;
}
