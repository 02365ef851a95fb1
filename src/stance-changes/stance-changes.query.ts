import { Injectable } from '@nestjs/common';
import { ReadRouter } from '../database/read-routing/read-router.js';
import { needsPrimaryPin, pinFrom, type AsOf, type Pin } from '../statements/read-model/as-of.js';
import { classifyChange, type ChangeKind } from './classify-change.js';
import { keyOf, pairsQuery, type ChangeKey, type PairFilters, type PairRow } from './stance-change-pairs.query.js';
import type { StanceChange } from './stance-change.view.js';

export interface StanceChangeFilters extends PairFilters {
  /** Only changes of these kinds; all kinds when absent. */
  readonly kinds?: readonly ChangeKind[];
}

export interface StanceChangeBatch {
  readonly changes: StanceChange[];
  /** More changes match after the last one returned. */
  readonly more: boolean;
  readonly last?: ChangeKey;
  readonly pin?: Pin;
}

// Pairs read per round trip when a kind filter may discard some of them in TypeScript.
const MIN_FILTERED_BATCH = 200;
const MAX_BATCH = 10_001;

/**
 * Stance changes as a query (what Marten calls a live projection): computed from statement_versions
 * when asked, never stored. A correction of one statement's date, stance, topic or actor re-pairs its old and new
 * neighbours, a retraction makes its two neighbours consecutive, and `knownAt` must answer with the
 * pairs as they stood then. A materialized table would have to redo that re-pairing on every correction
 * and keep every past pairing for time travel: a second bitemporal model that can drift from the first.
 * Pairing in SQL (one LAG over the statements an actor made on a topic) is cheap next to that, and reads
 * only the rows the actor and topic filters select through the read model's indexes. Classification
 * stays in TypeScript, in the pure classifyChange the unit tests pin down.
 */
@Injectable()
export class StanceChangesQuery {
  constructor(private readonly reads: ReadRouter) {}

  /** Up to `limit` changes after `after`, in report order (actor id, topic id, then time). */
  async read(filters: StanceChangeFilters, asOf: AsOf, after: ChangeKey | undefined, limit: number, onPrimary = false): Promise<StanceChangeBatch> {
    const kinds = filters.kinds?.length ? new Set(filters.kinds) : undefined;
    const batchSize = kinds ? Math.min(Math.max((limit + 1) * 4, MIN_FILTERED_BATCH), MAX_BATCH) : limit + 1;
    const found: { change: StanceChange; key: ChangeKey }[] = [];
    let pin: Pin | undefined = asOf.kind === 'page' ? asOf : undefined;
    let cursor = after;
    for (;;) {
      // Every round trip after the first reads the first one's snapshot, so one answer is one state of the records.
      const { sql, values } = pairsQuery(filters, pin ? { kind: 'page', ...pin } : asOf, cursor, batchSize);
      const rows: PairRow[] = await this.reads.query(sql, values, { primary: onPrimary });
      if (rows.length === 0) break;
      // A further round trip or a next page needs a pin a hot standby cannot give: the primary reads it all.
      if (!pin && rows.length > limit && needsPrimaryPin(asOf, rows[0])) return this.read(filters, asOf, after, limit, true);
      pin ??= pinFrom(asOf, rows[0]);
      for (const row of rows) {
        const change = toChange(row);
        if (kinds && !kinds.has(change.kind)) continue;
        found.push({ change, key: keyOf(row) });
        if (found.length > limit) return { changes: found.slice(0, limit).map((f) => f.change), more: true, last: found[limit - 1].key, pin };
      }
      if (rows.length < batchSize) break;
      cursor = keyOf(rows.at(-1)!);
    }
    return { changes: found.map((f) => f.change), more: false, last: found.at(-1)?.key, pin };
  }
}

function toChange(row: PairRow): StanceChange {
  return {
    actorId: row.actorId,
    actorName: row.actorName ?? row.actorId,
    topicId: row.topicId,
    topicTitle: row.topicTitle ?? row.topicId,
    topicProposition: row.topicProposition ?? '',
    ...classifyChange(row.from, row.to),
    from: row.from,
    to: row.to,
  };
}
