import type pg from 'pg';
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
