import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { UnknownReferenceError } from './domain-error.js';

/** What a write names, and the request field each name came from. */
export interface ReferencesToCheck {
  actor?: { id: string; field: string };
  topic?: { id: string; field: string };
  source?: { id: string; field: string };
}

const REGISTER_HINT = {
  actor: 'register it first (POST /v1/actors)',
  topic: 'define it first (POST /v1/topics)',
  source: 'register it first (POST /v1/sources)',
} as const;

/**
 * Checks that what a write refers to exists, against the registries' read models (kept inline, so a
 * registration that got its 2xx is visible here). One query however many references; every unknown one
 * is reported in the same 422, each naming its request field, so a client fixes them in one round trip.
 */
@Injectable()
export class References {
  constructor(private readonly dataSource: DataSource) {}

  async require(refs: ReferencesToCheck, db: EntityManager = this.dataSource.manager): Promise<void> {
    const asked = (['actor', 'topic', 'source'] as const).filter((kind) => refs[kind] !== undefined);
    if (asked.length === 0) return;
    const [found] = await db.query(
      `SELECT ($1::text IS NULL OR EXISTS (SELECT 1 FROM actors WHERE id = $1)) AS actor,
              ($2::text IS NULL OR EXISTS (SELECT 1 FROM topics WHERE id = $2)) AS topic,
              ($3::text IS NULL OR EXISTS (SELECT 1 FROM sources WHERE id = $3)) AS source`,
      [refs.actor?.id ?? null, refs.topic?.id ?? null, refs.source?.id ?? null]);
    const errors = asked.filter((kind) => !found[kind])
      .map((kind) => ({ field: refs[kind]!.field, message: `No ${kind} ${refs[kind]!.id}; ${REGISTER_HINT[kind]}` }));
    if (errors.length > 0) throw new UnknownReferenceError(errors);
  }

  requireActor(id: string, field = 'actorId'): Promise<void> {
    return this.require({ actor: { id, field } });
  }

  requireTopic(id: string, field = 'topicId'): Promise<void> {
    return this.require({ topic: { id, field } });
  }

  requireSource(id: string, field = 'sourceId'): Promise<void> {
    return this.require({ source: { id, field } });
  }
}
