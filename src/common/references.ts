import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ACTORS } from '../actors/actors.query.js';
import { prepared } from '../database/prepared.js';
import type { SqlParams } from '../database/sql-params.js';
import type { AppendCondition } from '../event-store/event-store.js';
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
type Kind = (typeof KINDS)[number];
/** One name that was asked for and is not in its registry. */
interface Missing { kind: Kind; id: string }

/**
 * Of the ids asked for (one text[] parameter per kind, given as placeholders), the ones no registry has.
 * Each registry says how to find which of some ids exist (its query module), so no table is named here.
 */
const missingReferences = (actors: string, topics: string, sources: string) => `
  SELECT 'actor' AS kind, id FROM unnest(${actors}::text[]) AS asked(id) WHERE id NOT IN (${ACTORS.existing(actors)})
  UNION ALL SELECT 'topic', id FROM unnest(${topics}::text[]) AS asked(id) WHERE id NOT IN (${TOPICS.existing(topics)})
  UNION ALL SELECT 'source', id FROM unnest(${sources}::text[]) AS asked(id) WHERE id NOT IN (${SOURCES.existing(sources)})`;
// Every check that runs on its own (a batch, or a write that cannot append in one statement): prepared once per connection.
const MISSING_REFERENCES = prepared(missingReferences('$1', '$2', '$3'));

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
    const asked = askedIds(writes);
    if (asked.every((ids) => ids.length === 0)) return writes.map(() => undefined);
    const missing = missingSet(await db.query(MISSING_REFERENCES, asked));
    return writes.map((refs) => unknownReferences(refs, missing));
  }

  /**
   * The same check as a condition of the write's append (see AppendCondition): made in the append's own
   * statement, so a write that names only what exists goes to the server once, and one that names
   * something missing writes nothing and gets the same 422 as `require` gives. Undefined when the write
   * names nothing.
   */
  condition(refs: ReferencesToCheck): AppendCondition | undefined {
    const asked = askedIds([refs]);
    if (asked.every((ids) => ids.length === 0)) return undefined;
    return {
      objections: (params: SqlParams) => missingReferences(params.add(asked[0]), params.add(asked[1]), params.add(asked[2])),
      refusal: (rows) => unknownReferences(refs, missingSet(rows as unknown as readonly Missing[]))!,
    };
  }
}

/** The distinct ids the writes name, one list per kind in KINDS order. */
function askedIds(writes: readonly ReferencesToCheck[]): string[][] {
  return KINDS.map((kind) => [...new Set(writes.flatMap((refs) => REFERENCES
    .flatMap(([ref, of]) => (of === kind && refs[ref] ? [refs[ref].id] : []))))]);
}

function missingSet(rows: readonly Missing[]): Set<string> {
  return new Set(rows.map((row) => `${row.kind}:${row.id}`));
}

/** The 422 for one write's references that are missing, each naming its request field; undefined if none is. */
function unknownReferences(refs: ReferencesToCheck, missing: ReadonlySet<string>): UnknownReferenceError | undefined {
  const errors = REFERENCES.filter(([ref, kind]) => refs[ref] !== undefined && missing.has(`${kind}:${refs[ref].id}`))
    .map(([ref, kind]) => ({ field: refs[ref]!.field, message: `No ${kind} ${refs[ref]!.id}; ${REGISTER_HINT[kind]}` }));
  return errors.length > 0 ? new UnknownReferenceError(errors) : undefined;
}
