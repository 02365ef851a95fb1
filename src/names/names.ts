import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReadRouter } from '../database/read-routing/read-router.js';
import { ACTORS } from '../actors/actors.query.js';
import { MEASURES } from '../claims/measures.query.js';
import { TOPICS } from '../topics/topics.query.js';
import { SOURCES } from '../sources/sources.query.js';
import { CursorSecret, queryDigest } from '../common/cursors/signed-cursor.js';
import { SqlParams } from '../database/sql-params.js';
import { findByName, positionAfter, type Found, type NamedRecords, type NamePosition } from './named-records.js';
import { UnknownNameError, type UnknownName } from './unknown-name.error.js';

/** Suggestions offered for an unknown name. */
export const MAX_SUGGESTIONS = 5;
const MATCH = /^[01](\.\d{1,4})?$/;

/** Values of one read parameter, and the records they must name. */
export interface AskedNames {
  readonly field: string;
  readonly records: NamedRecords;
  readonly values: readonly string[] | undefined;
}

export interface NameListRequest {
  readonly q?: string;
  readonly cursor?: string;
  readonly limit: number;
  /** Further filters of the list (e.g. a subtree): part of what a cursor belongs to. */
  readonly scope?: Record<string, unknown>;
  readonly within?: (params: SqlParams) => string;
  /** Names the filters use, checked (404) once the cursor is known to be good (a bad cursor's 400 wins). */
  readonly asked?: readonly AskedNames[];
}

/**
 * Records asked for by name: one by id, lists by id or by likeness, and the rule that a read naming
 * something unrecorded is a 404 listing each unknown value with the ids most like it.
 */
@Injectable()
export class Names {
  constructor(private readonly dataSource: DataSource, private readonly reads: ReadRouter, private readonly cursorSecret: CursorSecret) {}

  /** The record with this id, or the 404 naming `field` with suggestions. */
  async get<T>(records: NamedRecords, id: string, field = 'id'): Promise<T> {
    const [row] = await this.reads.query(`SELECT ${records.columns} FROM ${records.from} WHERE id = $1`, [id]);
    if (!row) throw new UnknownNameError([await this.unknown(records, field, id)]);
    return row;
  }

  /**
   * Throws the 404 naming every value, of every field, that names nothing recorded. Existence is judged
   * now, for every field in one query (a read pays one round trip for it, unless it selects
   * knownNames beside its answer and calls confirm instead).
   */
  async require(asked: readonly AskedNames[]): Promise<void> {
    const params = new SqlParams();
    const known = knownNames(asked, params);
    if (known === undefined) return;
    const [row] = await this.reads.query(`SELECT ${known}`, params.values);
    await this.confirm(asked, (field) => row[knownColumn(field)]);
  }

  /**
   * Throws the 404 naming every asked value that `found` (per field, the values that name a record) does
   * not hold. Only then does it take a round trip of its own, for the suggestions.
   */
  async confirm(asked: readonly AskedNames[], found: (field: string) => readonly string[]): Promise<void> {
    const unknown: UnknownName[] = [];
    for (const { field, records, values } of asked) {
      if (!values?.length) continue;
      const known = new Set(found(field));
      for (const value of new Set(values)) if (!known.has(value)) unknown.push(await this.unknown(records, field, value));
    }
    if (unknown.length > 0) throw new UnknownNameError(unknown);
  }

  /** A page of records by id, or by likeness to `q`; the cursor is signed and bound to the order and filters. */
  async page<T>(records: NamedRecords, request: NameListRequest): Promise<{ items: Found<T>[]; nextCursor: string | null }> {
    const cursor = await this.cursorSecret.cursor(`${records.noun} list by ${request.q === undefined ? 'id' : 'likeness'}`);
    const query = queryDigest({ q: request.q, ...request.scope });
    const after = request.cursor === undefined ? undefined : cursor.open(request.cursor, query, readPosition);
    if (request.asked) await this.require(request.asked);
    const rows = await findByName<T>(this.dataSource, this.reads, records, { q: request.q, within: request.within, after, limit: request.limit + 1 });
    const items = rows.slice(0, request.limit);
    return { items, nextCursor: rows.length > request.limit ? cursor.seal(query, positionAfter(items.at(-1)!)) : null };
  }

  private async unknown(records: NamedRecords, field: string, value: string): Promise<UnknownName> {
    const alike = await findByName<{ id: string }>(this.dataSource, this.reads, records, { q: value, limit: MAX_SUGGESTIONS });
    return { field, value, message: `No ${records.noun} ${JSON.stringify(value)}`, suggestions: alike.map((row) => row.id) };
  }
}

/**
 * A select list answering, for each field asked about, the asked values that name a record (a text[]
 * named by knownColumn): selected beside a read's answer, it checks the names in the read's own round
 * trip (see Names.confirm). Undefined when nothing is asked.
 */
export function knownNames(asked: readonly AskedNames[], params: SqlParams): string | undefined {
  const columns = asked.filter((a) => a.values?.length)
    .map((a) => `ARRAY(${a.records.existing(params.add([...new Set(a.values)]))}) AS "${knownColumn(a.field)}"`);
  return columns.length ? columns.join(', ') : undefined;
}

/** The column of knownNames holding a field's known values. */
export const knownColumn = (field: string) => `known_${field}`;

function readPosition({ id, match }: Record<string, unknown>): NamePosition | undefined {
  if (typeof id !== 'string' || (match !== undefined && (typeof match !== 'string' || !MATCH.test(match)))) return undefined;
  return match === undefined ? { id } : { id, match };
}

/** The names a read's `actor` (one or several), `topic`, `measure` and `reportedIn` parameters ask about. */
export function readNames(asked: { actor?: readonly string[] | string; topic?: string; measure?: string; reportedIn?: string }): AskedNames[] {
  const list = (value: readonly string[] | string | undefined) => (value === undefined ? undefined : typeof value === 'string' ? [value] : value);
  return [
    { field: 'actor', records: ACTORS, values: list(asked.actor) },
    { field: 'topic', records: TOPICS, values: list(asked.topic) },
    { field: 'measure', records: MEASURES, values: list(asked.measure) },
    { field: 'reportedIn', records: SOURCES, values: list(asked.reportedIn) },
  ];
}
