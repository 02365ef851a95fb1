import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Projection, RecordedOf } from '../event-store/inline-projections/projection.js';
import type { RecordedEvent } from '../event-store/recorded-event.js';
import { valueBounds, withChanges } from './claim-value.js';
import type { ClaimEvent, ClaimFields } from './claim.events.js';

interface CurrentRow { fields: ClaimFields; corrections: number }

/**
 * Keeps claim_versions: every version of every claim with the system time it was current. Inline, so a
 * write that got its 2xx is visible to the next read. Times come from the events, so a rebuild from the
 * log yields the same rows.
 */
@Injectable()
export class ClaimsProjection implements Projection<ClaimEvent> {
  readonly name = 'claims';
  readonly handles: readonly ClaimEvent['type'][] = ['ClaimStated', 'ClaimCorrected', 'ClaimRetracted'];
  readonly tables = ['claim_versions'];
  readonly readsOwnStreamsOnly = true;

  async apply(events: readonly RecordedOf<ClaimEvent>[], db: EntityManager): Promise<void> {
    for (const event of events) {
      switch (event.type) {
        case 'ClaimStated': {
          const { id, ...fields } = event.data;
          await this.open(db, id, fields, event, 0, null);
          break;
        }
        case 'ClaimCorrected': {
          const current = await this.close(db, event, event.data.reason);
          await this.open(db, event.data.id, withChanges(current.fields, event.data.changes), event, current.corrections + 1, event.data.reason);
          break;
        }
        case 'ClaimRetracted':
          await this.close(db, event, event.data.reason);
          break;
      }
    }
  }

  private async open(
    db: EntityManager, id: string, f: ClaimFields, event: RecordedEvent, corrections: number, correctionReason: string | null,
  ): Promise<void> {
    const { low, high } = valueBounds(f.value);
    await db.query(
      `INSERT INTO claim_versions (claim_id, version, actor_id, measure, value, low, high, qualifier, unit, refers_to, stated_at,
                                   source_id, quote, corrections, correction_reason, recorded_from, reported_in, locator)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
      [id, event.version, f.actorId, f.measure, JSON.stringify(f.value), low, high, f.qualifier, f.unit, f.refersTo, f.statedAt,
        f.sourceId, f.quote, corrections, correctionReason, event.recordedAt, f.reportedIn ?? null, f.locator ?? null]);
  }

  /** Ends the current version at this event; returns what it held, for the next version to build on. */
  private async close(db: EntityManager, event: RecordedEvent<ClaimEvent>, reason: string): Promise<CurrentRow> {
    const [rows] = await db.query(
      `UPDATE claim_versions SET recorded_to = $2, closed_by = $3, closing_reason = $4
        WHERE claim_id = $1 AND recorded_to IS NULL
        RETURNING actor_id, measure, value, qualifier, unit, refers_to, stated_at, source_id, quote, reported_in, locator, corrections`,
      [event.data.id, event.recordedAt, event.type, reason]);
    const row = rows?.[0];
    if (!row) throw new Error(`${event.type} for claim ${event.data.id}, which has no current version`);
    return {
      corrections: row.corrections,
      fields: {
        actorId: row.actor_id, measure: row.measure, value: row.value, qualifier: row.qualifier, unit: row.unit,
        refersTo: row.refers_to, statedAt: row.stated_at, sourceId: row.source_id, quote: row.quote,
        reportedIn: row.reported_in, locator: row.locator,
      },
    };
  }
}
