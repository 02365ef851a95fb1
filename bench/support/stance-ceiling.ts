import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export interface CeilingServer {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/**
 * The stance read's ceilings, each a child process that runs the service's prepared stance statement for
 * the question in the URL and answers JSON.stringify of its rows: no validation, no mapping of the rows,
 * no logging. `node-http`, a bare node:http server (stance-ceiling-server.ts), is what any Node HTTP
 * service answering GET /v1/stance must at least pay; `nest`, the same work as one controller of a bare
 * Nest application on the service's platform (stance-ceiling-nest.ts), what the framework adds by itself.
 */
export async function startStanceCeiling(databaseUrl: string, kind: 'node-http' | 'nest' = 'node-http'): Promise<CeilingServer> {
  const file = kind === 'nest' ? './stance-ceiling-nest.js' : './stance-ceiling-server.js';
  const child = fork(fileURLToPath(new URL(file, import.meta.url)), [], {
    env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [port] = await Promise.race([once(child, 'message'), once(child, 'exit').then(([code]) => {
    throw new Error(`the stance ceiling server exited (${code}) before it listened`);
  })]) as [number];
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
