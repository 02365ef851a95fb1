import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Projection, RecordedOf } from '../event-store/inline-projections/projection.js';
import type { SourceRegistered } from './source.events.js';

/** Inline, so a source that got its 201 can be cited by a statement at once. */
@Injectable()
export class SourcesProjection implements Projection<SourceRegistered> {
  readonly name = 'sources';
  readonly handles: readonly SourceRegistered['type'][] = ['SourceRegistered'];
  readonly tables = ['sources'];
  readonly readsOwnStreamsOnly = true;

  async apply(events: readonly RecordedOf<SourceRegistered>[], db: EntityManager): Promise<void> {
    for (const event of events) {
      const { id, kind, title, publisher, url, publishedAt } = event.data;
      await db.query(
        `INSERT INTO sources (id, kind, title, publisher, url, published_at, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, kind, title, publisher ?? null, url ?? null, publishedAt ?? null, event.recordedAt]);
    }
  }
}
