import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../src/bootstrap.js';
import { loadEnvironment } from '../../src/config/environment.js';
import { startReplicaCluster, type ReplicaCluster } from '../../tools/postgres/replica-cluster.js';
import { auth, KEYS } from './test-app.js';

export interface Answer {
  readonly status: number;
  readonly token: string | null;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
}

export interface ReplicatedService {
  post(path: string, body: unknown): Promise<Answer>;
  get(path: string, headers?: Record<string, string>): Promise<Answer>;
  /** Calls on `server` of statements whose text contains `fragment`, from pg_stat_statements: who really answered. */
  statementCalls(server: 'primary' | 'replica', fragment: string): Promise<number>;
  /** Polls /health until `check` holds for the one replica (a guard against a hang, not a timing). */
  replicaBecomes(check: (replica: { up: boolean; inRotation: boolean; lagMs: number | null }) => boolean, whileWaiting?: () => Promise<unknown>): Promise<void>;
  close(): Promise<void>;
}

const HEALTH_GUARD_MS = 120_000;

/** The whole service over real HTTP, with DATABASE_URL on the cluster's primary and DATABASE_READ_URL on its replica. */
export async function startReplicatedService(cluster: ReplicaCluster, env: Record<string, string>): Promise<ReplicatedService> {
  const app: NestFastifyApplication = await createApp(loadEnvironment({
    DATABASE_URL: cluster.primaryUrl,
    DATABASE_READ_URL: cluster.replicaUrl,
    API_KEYS: `${KEYS.editor}:editor,${KEYS.admin}:admin,${KEYS.reader}:reader`,
    LOG_LEVEL: 'silent',
    SEED_ON_EMPTY: 'false',
    DATABASE_POOL_SIZE: '20',
    ...env,
  }));
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  const base = `http://127.0.0.1:${port}`;
  const call = async (path: string, init: RequestInit): Promise<Answer> => {
    const response = await fetch(`${base}${path}`, init);
    const text = await response.text();
    return { status: response.status, token: response.headers.get('stanceline-token'), body: text ? JSON.parse(text) : undefined };
  };
  const service: ReplicatedService = {
    post: (path, body) => call(path, { method: 'POST', headers: { ...auth('editor'), 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
    get: (path, headers = {}) => call(path, { headers }),
    async statementCalls(server, fragment) {
      const [row] = await cluster.sql<{ n: number }>(server,
        `SELECT coalesce(sum(calls), 0)::int AS n FROM pg_stat_statements WHERE strpos(query, $1) > 0 AND strpos(query, 'pg_stat_statements') = 0`, [fragment]);
      return row.n;
    },
    async replicaBecomes(check, whileWaiting) {
      const deadline = Date.now() + HEALTH_GUARD_MS;
      for (;;) {
        const health = await service.get('/health');
        if (health.status !== 200) throw new Error(`/health answered ${health.status} while the primary is up`);
        if (check(health.body.replicas[0])) return;
        if (Date.now() > deadline) throw new Error(`replica never became as expected: ${JSON.stringify(health.body)}`);
        await whileWaiting?.();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () => app.close(),
  };
  return service;
}

/** Guards against a hang, not timings: making a cluster takes seconds, more on a loaded CI machine. */
const SETUP_MS = 300_000;

/** The replica tests' setting: a bound short enough to reach in a test, long enough that a stalled check on a loaded CI machine does not expire a verdict; checks well within it. */
export const TEST_MAX_LAG_MS = 2_000;

/**
 * For one describe block: a fresh cluster and the service on it before its tests (with the replica in
 * rotation), both stopped and removed after them, failed or not. Read `cluster` and `service` in tests.
 */
export function withReplicatedService(): { cluster: ReplicaCluster; service: ReplicatedService } {
  const context = {} as { cluster: ReplicaCluster; service: ReplicatedService };
  beforeAll(async () => {
    context.cluster = await startReplicaCluster();
    context.service = await startReplicatedService(context.cluster, {
      REPLICA_CHECK_MS: '50', REPLICA_MAX_LAG_MS: String(TEST_MAX_LAG_MS), REPLICA_WAIT_MS: '2000',
    });
    await context.service.replicaBecomes((replica) => replica.inRotation);
  }, SETUP_MS);
  afterAll(async () => {
    await context.service?.close();
    await context.cluster?.destroy();
  }, SETUP_MS);
  return context;
}

export const actor = (id: string) => ({ id, name: `Actor ${id}`, kind: 'person' });
