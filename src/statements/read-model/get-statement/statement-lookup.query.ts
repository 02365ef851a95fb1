import { Injectable } from '@nestjs/common';
import { ReadRouter } from '../../../database/read-routing/read-router.js';
import { SqlParams } from '../../../database/sql-params.js';
import { asOfCondition, type AsOf } from '../as-of.js';
import { statementReadView, type StatementReadView } from '../statement-read.view.js';
import { FROM_VERSIONS, STATEMENT_COLUMNS, type StatementRow } from '../statement-version.js';
import type { StatementHistoryView } from './statement-history.view.js';

type HistoryRow = StatementRow & { event_type: string; event_id: string; event_position: string; reason: string | null };

/** The version of one statement that `asOf` sees: at most one, as versions of a statement never overlap. */
export function statementAsOfQuery(id: string, asOf: AsOf): { sql: string; values: unknown[] } {
  const params = new SqlParams();
  const sql = `SELECT ${STATEMENT_COLUMNS} FROM ${FROM_VERSIONS} WHERE v.statement_id = ${params.add(id)} AND ${asOfCondition(asOf, params)}`;
  return { sql, values: params.values };
}

/** One statement: as it stood at an instant, or every version it has had. */
@Injectable()
export class StatementLookup {
  constructor(private readonly reads: ReadRouter) {}

  async asOf(id: string, asOf: AsOf): Promise<StatementReadView | undefined> {
    const { sql, values } = statementAsOfQuery(id, asOf);
    const rows: StatementRow[] = await this.reads.query(sql, values);
    return rows[0] && statementReadView(rows[0]);
  }

  async history(id: string): Promise<StatementHistoryView | undefined> {
    const rows: HistoryRow[] = await this.reads.query(
      `SELECT ${STATEMENT_COLUMNS}, v.event_type, v.event_id, v.event_position, v.reason
         FROM ${FROM_VERSIONS} WHERE v.statement_id = $1 ORDER BY v.version`, [id]);
    if (rows.length === 0) return undefined;
    return {
      id,
      retracted: rows.at(-1)!.event_type === 'StatementRetracted',
      versions: rows.map((row) => ({
        version: row.version,
        event: { type: row.event_type, id: row.event_id, position: Number(row.event_position), reason: row.reason },
        recordedFrom: row.recorded_from.toISOString(),
        recordedTo: row.recorded_to?.toISOString() ?? null,
        statement: statementReadView(row),
      })),
    };
  }
}
