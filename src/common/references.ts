import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ACTORS } from '../actors/actors.query.js';
import { prepared } from '../database/prepared.js';
import { SOURCES } from '../sources/sources.query.js';
import { TOPICS } from '../topics/topics.query.js';
import { UnknownReferenceError } from './domain-error.js';

/** What a write names, and the request field each name came from. */
export interface ReferencesToCheck {
  actor?: { id: string; field: string };
  topic?: { id: string; field: string };
  source?: { id: string; field: string };
  /** A source too: the publication through which a record is known. */
  reportedIn?: { id: string; field: string };
}

const REGISTER_HINT = {
  actor: 'register it first (POST /v1/actors)',
  topic: 'define it first (POST /v1/topics)',
  source: 'register it first (POST /v1/sources)',
} as const;

const KINDS = ['actor', 'topic', 'source'] as const;
// Every write that names a reference runs it: prepared once per connection (see prepared()).
// Each registry says how to find which of some ids exist (its query module), so no table is named here.
const CHECK_REFERENCES = prepared(`SELECT 'actor' AS kind, id FROM (${ACTORS.existing('$1')}) a
  UNION ALL SELECT 'topic', id FROM (${TOPICS.existing('$2')}) t
  UNION ALL SELECT 'source', id FROM (${SOURCES.existing('$3')}) s`);

/** Each reference and the registry it names. */
const REFERENCES = [['actor', 'actor'], ['topic', 'topic'], ['source', 'source'], ['reportedIn', 'source']] as const;

/**
 * Checks that what a write refers to exists, against the registries' read models (kept inline, so a
 * registration that got its 2xx is visible here). One query however many references; every unknown one
 * is reported in the same 422, each naming its request field, so a client fixes them in one round trip.
 */
@Injectable()
export class References {
  constructor(private readonly dataSource: DataSource) {}

  async require(refs: ReferencesToCheck, db: EntityManager = this.dataSource.manager): Promise<void> {
    const [unknown] = await this.check([refs], db);
    if (unknown) throw unknown;
  }

  /** For each write of a batch, the error naming its unknown references, or undefined: still one query. */
  async check(writes: readonly ReferencesToCheck[], db: EntityManager = this.dataSource.manager): Promise<(UnknownReferenceError | undefined)[]> {
    const asked = KINDS.map((kind) => [...new Set(writes.flatMap((refs) => REFERENCES
      .flatMap(([ref, of]) => (of === kind && refs[ref] ? [refs[ref].id] : []))))]);
    if (asked.every((ids) => ids.length === 0)) return writes.map(() => undefined);
    const rows: { kind: (typeof KINDS)[number]; id: string }[] = await db.query(CHECK_REFERENCES, asked);
    const found = new Set(rows.map((row) => `${row.kind}:${row.id}`));
    return writes.map((refs) => {
      const errors = REFERENCES.filter(([ref, kind]) => refs[ref] !== undefined && !found.has(`${kind}:${refs[ref].id}`))
        .map(([ref, kind]) => ({ field: refs[ref]!.field, message: `No ${kind} ${refs[ref]!.id}; ${REGISTER_HINT[kind]}` }));
      return errors.length > 0 ? new UnknownReferenceError(errors) : undefined;
    });
  }
}
