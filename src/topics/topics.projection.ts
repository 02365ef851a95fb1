import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Projection } from '../event-store/projections/projection.js';
import type { RecordedEvent } from '../event-store/recorded-event.js';
import type { TopicDefined } from './topic.events.js';

/** Inline, so a topic that got its 201 can be referenced (as a parent, by a statement) at once. */
@Injectable()
export class TopicsProjection implements Projection {
  readonly name = 'topics';
  readonly handles = ['TopicDefined'];
  readonly tables = ['topics'];

  async apply(events: readonly RecordedEvent[], db: EntityManager): Promise<void> {
    for (const event of events as RecordedEvent<TopicDefined>[]) {
      const { id, parentId, title, proposition } = event.data;
      await db.query(
        `INSERT INTO topics (id, parent_id, title, proposition, recorded_at) VALUES ($1, $2, $3, $4, $5)`,
        [id, parentId, title, proposition, event.recordedAt]);
    }
  }
}
