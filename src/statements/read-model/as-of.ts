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
  | { readonly kind: 'page'; readonly knownAt: Date; readonly snapshot: string };

export const NOW: AsOf = { kind: 'now' };

/** Bind parameters collected while a query is put together; `add` answers the placeholder. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

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

/** What a paged read selects besides the rows, so that its cursor can pin the next pages to this one. */
export function pinOf(asOf: AsOf): string {
  const knownAt = asOf.kind === 'now'
    // Taken after the statement's snapshot, so every version it sees began at or before it.
    ? `(SELECT date_trunc('milliseconds', clock_timestamp()))`
    : 'NULL::timestamptz';
  return `${knownAt} AS pinned_known_at, pg_current_snapshot()::text AS pinned_snapshot`;
}
