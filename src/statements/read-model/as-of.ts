import { parseLsn, type WalPosition } from '../../database/read-routing/wal-position.js';
import type { SqlParams } from '../../database/sql-params.js';

/**
 * Which version of each statement a read sees, on the recorded-time axis.
 * - `now`: the current versions (the partial indexes on recorded_to IS NULL serve it);
 * - `known-at`: the versions that were the record at that instant, retracted ones included if the
 *   retraction came later;
 * - `page`: a later page of a paged read: the instant of the first page, and that page's snapshot, so
 *   that a correction or retraction whose transaction had begun before the first page (its timestamp is
 *   its transaction's start) but committed after it still does not change what the pages show.
 */
export type AsOf =
  | { readonly kind: 'now' }
  | { readonly kind: 'known-at'; readonly knownAt: Date }
  | ({ readonly kind: 'page' } & Pin);

/** How a first page saw the records, for its later pages; `position` is the primary's WAL position then. */
export interface Pin {
  readonly knownAt: Date;
  readonly snapshot: string;
  readonly position?: WalPosition;
}

/** The columns pinOf adds to every row. */
export interface PinColumns {
  pinned_known_at: Date | null;
  pinned_snapshot: string;
  pinned_position: string | null;
}

export const NOW: AsOf = { kind: 'now' };

/** The condition selecting, for alias `v`, the versions that `asOf` sees. */
export function asOfCondition(asOf: AsOf, params: SqlParams): string {
  if (asOf.kind === 'now') return 'v.recorded_to IS NULL';
  const k = `${params.add(asOf.knownAt)}::timestamptz`;
  const asKnown = `v.recorded_from <= ${k} AND (v.recorded_to IS NULL OR v.recorded_to > ${k}`;
  if (asOf.kind === 'known-at') return `${asKnown})`;
  const s = `${params.add(asOf.snapshot)}::pg_snapshot`;
  // Rows made by transactions the first page could not see did not exist then; a close it could not see
  // had not happened then.
  return `${asKnown} OR NOT pg_visible_in_snapshot(v.closed_xid, ${s})) AND pg_visible_in_snapshot(v.made_xid, ${s})`;
}

/**
 * The primary's WAL position, taken after the statement's snapshot, so a server that has replayed that far
 * holds everything the snapshot saw. NULL on a hot standby: there pg_current_snapshot() lists none of the
 * primary's running transactions (PostgreSQL keeps them apart in a standby's snapshot), so a pin taken
 * there would let later pages see what the first did not; such reads are answered again by the primary
 * (see needsPrimaryPin and test/replicas/read-replicas.e2e-spec.ts).
 */
const PRIMARY_POSITION = `CASE WHEN pg_is_in_recovery() THEN NULL ELSE pg_current_wal_insert_lsn()::text END`;

/** What a paged read selects besides the rows, so that its cursor can pin the next pages to this one. */
export function pinOf(asOf: AsOf): string {
  const knownAt = asOf.kind === 'now'
    // Taken after the statement's snapshot, so every version it sees began at or before it.
    ? `(SELECT date_trunc('milliseconds', clock_timestamp()))`
    : 'NULL::timestamptz';
  return `${knownAt} AS pinned_known_at, pg_current_snapshot()::text AS pinned_snapshot, ${PRIMARY_POSITION} AS pinned_position`;
}

/** The pin later pages continue from: the one they were given, or the one these rows were read under. */
export function pinFrom(asOf: AsOf, row: PinColumns, given?: Pin): Pin {
  if (given) return given;
  return {
    knownAt: asOf.kind === 'known-at' ? asOf.knownAt : row.pinned_known_at!,
    snapshot: row.pinned_snapshot,
    position: row.pinned_position === null ? undefined : parseLsn(row.pinned_position),
  };
}

/** Rows read on a hot standby under a fresh snapshot cannot pin later reads: the primary must read them again. */
export function needsPrimaryPin(asOf: AsOf, row: PinColumns | undefined): boolean {
  return asOf.kind !== 'page' && row !== undefined && row.pinned_position === null;
}
