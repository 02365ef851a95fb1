import { countsOfType, type RunQuery } from '../../src/event-store/log-facts.js';
import { statementStream } from '../../src/statements/statement.events.js';
import { call } from './http.js';

/** Runs SQL and answers the rows: a TypeORM DataSource's `query`, or a pg client wrapped. */
export type Query = RunQuery;

// The log and the event store's bookkeeping; every other table is a read model or service state.
const NOT_READ_MODELS = ['events', 'event_idempotency_keys', 'migrations'];

/** Every table outside the event store, each as its sorted rows: what "the read models" hold. */
export async function readModels(query: Query): Promise<Record<string, unknown>> {
  const tables = await query(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND NOT (table_name = ANY($1)) ORDER BY table_name`, [NOT_READ_MODELS]);
  const contents: Record<string, unknown> = {};
  for (const { name } of tables as { name: string }[]) {
    const [{ rows }] = await query(`SELECT coalesce(json_agg(t ORDER BY t::text), '[]') AS rows FROM "${name.replace(/"/g, '""')}" t`);
    contents[name] = rows;
  }
  return contents;
}

export interface RebuildComparison {
  /** The tables the rebuild replaced. */
  readonly rebuilt: string[];
  /** Tables whose rows differ between the live projections and the rebuild; empty when they agree. */
  readonly differing: string[];
  /** Rebuilt tables the comparison did not cover (none, unless a projection writes outside `public`). */
  readonly uncovered: string[];
}

/** Snapshots the read models, rebuilds them from the log through the API, and compares. */
export async function compareWithRebuild(base: string, adminKey: string, query: Query): Promise<RebuildComparison> {
  const live = await readModels(query);
  const answer = await call(base, 'POST', '/v1/admin/projections/rebuild', { key: adminKey, timeoutMs: 120_000 });
  if (answer.status !== 200) throw new Error(`rebuild answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  const rebuilt = (answer.body as { tables: string[] }).tables;
  const after = await readModels(query);
  const differing = Object.keys({ ...live, ...after }).filter((t) => JSON.stringify(live[t]) !== JSON.stringify(after[t]));
  return { rebuilt, differing, uncovered: rebuilt.filter((t) => !(t in live)) };
}

/** How many StatementRecorded events the log holds per statement id (ids absent from the log are left out). */
export async function recordedCounts(query: Query, ids: readonly string[]): Promise<Map<string, number>> {
  const counts = await countsOfType(query, 'StatementRecorded', ids.map(statementStream));
  return new Map([...counts].map(([stream, n]) => [stream.slice('statement-'.length), n]));
}

export interface StatementAudit {
  readonly acknowledged: number;
  /** Acknowledged statements that GET /v1/statements/{id} answers with the acknowledged version. */
  readonly found: number;
  readonly missing: string[];
  readonly wrongVersion: string[];
  /** Statement ids with more than one StatementRecorded event in the log. */
  readonly duplicated: string[];
}

/** Every acknowledged statement is readable at its acknowledged version and recorded exactly once. */
export async function auditStatements(base: string, query: Query, acknowledged: ReadonlyMap<string, number>, key?: string): Promise<StatementAudit> {
  const ids = [...acknowledged.keys()];
  const missing: string[] = [];
  const wrongVersion: string[] = [];
  for (let i = 0; i < ids.length; i += 16) {
    await Promise.all(ids.slice(i, i + 16).map(async (id) => {
      const answer = await call(base, 'GET', `/v1/statements/${id}`, { key });
      if (answer.status !== 200) missing.push(id);
      else if ((answer.body as { version: number }).version !== acknowledged.get(id)) wrongVersion.push(id);
    }));
  }
  const counts = await recordedCounts(query, ids);
  const duplicated = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
  return { acknowledged: ids.length, found: ids.length - missing.length - wrongVersion.length, missing, wrongVersion, duplicated };
}
