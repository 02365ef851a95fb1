/**
 * Questions about the whole log asked outside a request (start-up, the soak's checks), here so that no
 * code outside the event store names the events table. Each takes whatever runs SQL: a DataSource's
 * `query`, or a tool's pg client.
 */
export type RunQuery = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

export async function logIsEmpty(query: RunQuery): Promise<boolean> {
  const [{ any }] = await query(`SELECT EXISTS (SELECT 1 FROM events) AS any`);
  return !any;
}

/** The highest position in the log, 0 when it is empty. */
export async function lastPosition(query: RunQuery): Promise<number> {
  const [{ last }] = await query(`SELECT coalesce(max(position), 0)::int8 AS last FROM events`);
  return Number(last);
}

export async function positionsAfter(query: RunQuery, position: number): Promise<number[]> {
  return (await query(`SELECT position::int8 AS p FROM events WHERE position > $1`, [position])).map((r) => Number(r.p));
}

/** How many events of this type each stream holds (streams with none are left out). */
export async function countsOfType(query: RunQuery, type: string, streamIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await query(
    `SELECT stream_id, count(*)::int AS n FROM events WHERE type = $1 AND stream_id = ANY($2) GROUP BY stream_id`, [type, streamIds]);
  return new Map(rows.map((r) => [String(r.stream_id), Number(r.n)]));
}
