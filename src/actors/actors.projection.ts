import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Projection, RecordedOf } from '../event-store/inline-projections/projection.js';
import type { ActorRegistered } from './actor.events.js';

@Injectable()
export class ActorsProjection implements Projection<ActorRegistered> {
  readonly name = 'actors';
  readonly handles: readonly ActorRegistered['type'][] = ['ActorRegistered'];
  readonly tables = ['actors'];
  readonly readsOwnStreamsOnly = true;

  async apply(events: readonly RecordedOf<ActorRegistered>[], db: EntityManager): Promise<void> {
    for (const event of events) {
      const { id, name, kind, aliases, roles } = event.data;
      await db.query(
        `INSERT INTO actors (id, name, kind, aliases, roles, recorded_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, name, kind, JSON.stringify(aliases), JSON.stringify(roles), event.recordedAt]);
    }
  }
}
