import type { DataSource } from 'typeorm';
import type { ReadRouter } from '../database/read-routing/read-router.js';
import { SqlParams } from '../database/sql-params.js';

/**
 * A kind of record that can be asked for by name: where its rows are, what a row returns, the text of
 * all its names as indexed (folded: lower case, no accents; see migration 1764300000000), and how to
 * tell which of some ids exist. Each feature declares its own beside its read model.
 */
export interface NamedRecords {
  readonly noun: string;
  /** A table, or a subquery with an alias, with an `id` column. */
  readonly from: string;
  readonly columns: string;
  readonly names: string;
  /** SQL answering the `id`s, among the text[] placeholder given, that exist. */
  existing(ids: string): string;
}

/** Word likeness (pg_trgm) from which a record counts as alike: low enough for a typo or two in a short name. */
export const LIKENESS_THRESHOLD = 0.3;

/** Where the next page of a list starts: after this id in id order, or after this (match, id) in likeness order. */
export interface NamePosition {
  readonly id: string;
  readonly match?: string;
}

export interface NameSearch {
  /** Rank by likeness to this text; absent: every record by id. */
  readonly q?: string;
  /** A further condition on the rows (e.g. a subtree), built with the query's parameters. */
  readonly within?: (params: SqlParams) => string;
  readonly after?: NamePosition;
  readonly limit: number;
}

export type Found<T> = T & { id: string; match?: number };

/**
 * Records by id, or ranked by likeness to `q` (best first, ties by id), `match` rounded to 4 places so
 * that a cursor can carry it exactly. The likeness filter is pg_trgm's `<%` (word likeness of `q` to the
 * best-matching stretch of the names: partial words count), which the GIN trigram index answers; its
 * threshold is a setting, so it is set for this transaction only.
 */
export async function findByName<T>(dataSource: DataSource, reads: ReadRouter, records: NamedRecords, search: NameSearch): Promise<Found<T>[]> {
  const { sql, values } = nameSearchQuery(records, search);
  if (search.q === undefined) return reads.query(sql, values);
  // The threshold needs a transaction of its own, which the read router (one statement per read) does not
  // offer: likeness is asked of the primary.
  const rows: (T & { id: string; match: string })[] = await dataSource.transaction(async (db) => {
    await db.query(LIKENESS_SETTING, [String(LIKENESS_THRESHOLD)]);
    return db.query(sql, values);
  });
  return rows.map((row) => ({ ...row, match: Number(row.match) }));
}

/** Sets, for the current transaction, how alike a name must be to count ($1). */
export const LIKENESS_SETTING = `SELECT set_config('pg_trgm.word_similarity_threshold', $1, true)`;

export function nameSearchQuery(records: NamedRecords, search: NameSearch): { sql: string; values: unknown[] } {
  const params = new SqlParams();
  const where = search.within ? [search.within(params)] : [];
  if (search.q === undefined) {
    if (search.after) where.push(`id COLLATE "C" > ${params.add(search.after.id)}`);
    const sql = `SELECT ${records.columns} FROM ${records.from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                  ORDER BY id COLLATE "C" LIMIT ${params.add(search.limit)}`;
    return { sql, values: params.values };
  }
  const q = `public.fold_name(${params.add(search.q)})`;
  where.push(`${q} <% ${records.names}`);
  let after = '';
  if (search.after) {
    const match = `${params.add(search.after.match ?? '1')}::numeric`;
    after = `WHERE m.match < ${match} OR (m.match = ${match} AND m.id COLLATE "C" > ${params.add(search.after.id)})`;
  }
  const sql = `SELECT * FROM (SELECT ${records.columns}, round(word_similarity(${q}, ${records.names})::numeric, 4) AS match
                                FROM ${records.from} WHERE ${where.join(' AND ')}) m
                ${after} ORDER BY m.match DESC, m.id COLLATE "C" LIMIT ${params.add(search.limit)}`;
  return { sql, values: params.values };
}

/** The position after a row, in the order it was listed in. */
export function positionAfter(row: { id: string; match?: number }): NamePosition {
  return row.match === undefined ? { id: row.id } : { id: row.id, match: row.match.toFixed(4) };
}
