import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { PlannedCreations } from '../../src/common/create-plan.js';
import { References } from '../../src/common/references.js';
import { EventStore } from '../../src/event-store/event-store.js';
import { ProjectionRegistry } from '../../src/event-store/inline-projections/projection-registry.js';
import { StreamCommands } from '../../src/event-store/stream-commands.js';
import { StatementVersionsProjection } from '../../src/statements/read-model/statement-versions.projection.js';
import { planRecordStatement } from '../../src/statements/record-statement/record-statement.handler.js';
import type { RecordStatementRequest } from '../../src/statements/record-statement/record-statement.request.dto.js';
import type { StatementBody } from '../history/statements.js';
import { closedLoop, type LoopResult } from '../support/closed-loop.js';
import { HttpClient } from '../support/http-client.js';
import { EDITOR_KEY } from '../support/service.js';

/**
 * Stanceline side: POST /v1/statements over HTTP, `connections` keep-alive connections in a closed
 * loop, each body a new statement by a registered actor on a defined topic from a registered source;
 * every answer must be a 201.
 */
export async function recordOverHttp(
  base: string, bodies: readonly StatementBody[], connections: number, durationMs: number, prefix: string,
): Promise<LoopResult> {
  const http = new HttpClient(base, connections);
  const headers = { authorization: `Bearer ${EDITOR_KEY}` };
  try {
    return await closedLoop({
      workers: connections, durationMs,
      operation: async (n) => {
        await http.expect(201, 'POST', '/v1/statements', { id: `${prefix}-${n}`, ...bodies[n % bodies.length] }, headers);
      },
    });
  } finally {
    http.close();
  }
}

/** Raw side: the same statement as one autocommitted single-row INSERT, `writers` at a time. */
export function recordRaw(pool: pg.Pool, table: string, bodies: readonly StatementBody[], writers: number, durationMs: number, prefix: string): Promise<LoopResult> {
  return closedLoop({
    workers: writers, durationMs,
    operation: async (n) => {
      const id = `${prefix}-${n}`;
      await pool.query(`INSERT INTO ${table} (stream_id, version, type, data) VALUES ($1, 1, 'StatementRecorded', $2)`,
        [`statement-${id}`, JSON.stringify({ id, ...bodies[n % bodies.length] })]);
    },
  });
}

/**
 * The ceiling: the same work done by PostgreSQL alone. Each statement goes through the service's own
 * write path (the plan of POST /v1/statements, its reference check, StreamCommands, EventStore and the
 * inline projections, as the service wires them), but on a plain node-postgres pool instead of TypeORM
 * behind HTTP: the exact SQL the service sends for a new statement, prepared by name as it is, with
 * none of the HTTP, Nest, validation or TypeORM work around it. What the service adds is the rest.
 */
export function recordCeiling(pool: pg.Pool, bodies: readonly StatementBody[], writers: number, durationMs: number, prefix: string): Promise<LoopResult> {
  // The slice of TypeORM's DataSource the write path uses for a new statement: query(sql, parameters) answering rows.
  const dataSource = { query: async (sql: string, parameters?: unknown[]) => (await pool.query(sql, parameters)).rows } as unknown as DataSource;
  const registry = new ProjectionRegistry();
  registry.register(new StatementVersionsProjection());
  const creations = new PlannedCreations(new StreamCommands(new EventStore(dataSource, registry)), new References(dataSource));
  return closedLoop({
    workers: writers, durationMs,
    operation: async (n) => {
      const request = { id: `${prefix}-${n}`, ...bodies[n % bodies.length] } as RecordStatementRequest;
      await creations.carryOut(planRecordStatement(request), { metadata: { recordedBy: 'bench', correlationId: String(n) } });
    },
  });
}
