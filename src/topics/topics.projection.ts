import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Projection, RecordedOf } from '../event-store/inline-projections/projection.js';
import type { TopicDefined } from './topic.events.js';

/** Inline, so a topic that got its 201 can be referenced (as a parent, by a statement) at once. */
@Injectable()
export class TopicsProjection implements Projection<TopicDefined> {
  readonly name = 'topics';
  readonly handles: readonly TopicDefined['type'][] = ['TopicDefined'];
  readonly tables = ['topics'];
  readonly readsOwnStreamsOnly = true;

  async apply(events: readonly RecordedOf<TopicDefined>[], db: EntityManager): Promise<void> {
    for (const event of events) {
      const { id, parentId, title, proposition } = event.data;
      await db.query(
        `INSERT INTO topics (id, parent_id, title, proposition, recorded_at) VALUES ($1, $2, $3, $4, $5)`,
        [id, parentId, title, proposition, event.recordedAt]);
    }
  }
}
