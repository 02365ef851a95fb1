import { Injectable } from '@nestjs/common';
import { actorNames } from '../../actors/actors.query.js';
import { ReadRouter } from '../../database/read-routing/read-router.js';
import { parseTimestamp } from '../../common/dates/known-at.js';
import { InvalidInputError } from '../../common/domain-error.js';
import { parsePartialDate } from '../../common/dates/partial-date.js';
import type { AsOf } from '../../statements/read-model/as-of.js';
import { CursorSecret, queryDigest } from '../../common/cursors/signed-cursor.js';
import { ChangeCursorCodec } from '../change-cursor.js';
import type { ChangeKind } from '../classify-change.js';
import { stanceChangesCsv } from '../formats/stance-changes.csv.js';
import { stanceChangesMarkdown } from '../formats/stance-changes.markdown.js';
import type { StanceChange, StanceChangePage } from '../stance-change.view.js';
import { StanceChangesQuery, type StanceChangeFilters } from '../stance-changes.query.js';
import { DEFAULT_LIMIT, type StanceChangesRequest } from './stance-changes.request.dto.js';
import { Names, readNames } from '../../names/names.js';
import { topicTitle } from '../../topics/topics.query.js';

/** CSV and Markdown hold every matching change up to this many; a capped document says so. */
export const DOCUMENT_CAP = 10_000;

export interface ReportDocument {
  readonly contentType: string;
  readonly body: string;
  /** More changes matched than the document holds. */
  readonly capped: boolean;
}

interface Scope {
  filters: StanceChangeFilters;
  knownAt?: Date;
}

/** The stance-change report in its three forms, for the HTTP read and the `report` command alike. */
@Injectable()
export class StanceChangesReport {
  constructor(
    private readonly changes: StanceChangesQuery,
    private readonly reads: ReadRouter,
    private readonly cursorSecret: CursorSecret,
    private readonly names: Names,
  ) {}

  async page(request: StanceChangesRequest): Promise<StanceChangePage> {
    const { filters, knownAt } = scopeOf(request);
    const limit = request.limit ?? DEFAULT_LIMIT;
    const query = queryDigest({
      actors: filters.actors ? [...new Set(filters.actors)].sort() : null, topic: filters.topic, from: request.from, to: request.to,
      kinds: filters.kinds ? [...new Set(filters.kinds)].sort() : null, knownAt: knownAt?.toISOString(),
    });
    const codec = new ChangeCursorCodec(await this.cursorSecret.get());
    const position = request.cursor === undefined ? undefined : codec.decode(request.cursor, query);
    await this.names.require(readNames({ actor: filters.actors, topic: filters.topic }));
    const asOf: AsOf = position ? { kind: 'page', ...position.pin } : knownAt ? { kind: 'known-at', knownAt } : { kind: 'now' };
    const batch = await this.changes.read(filters, asOf, position?.after, limit);
    const nextCursor = batch.more && batch.last && batch.pin ? codec.encode({ query, pin: batch.pin, after: batch.last }) : null;
    return { items: batch.changes, nextCursor };
  }

  async document(request: StanceChangesRequest, format: 'csv' | 'markdown' | 'json'): Promise<ReportDocument> {
    for (const field of ['limit', 'cursor'] as const) {
      if (request[field] !== undefined) throw new InvalidInputError(field, `${field} pages only the JSON report; csv and markdown hold every matching change`);
    }
    const { filters, knownAt } = scopeOf(request);
    await this.names.require(readNames({ actor: filters.actors, topic: filters.topic }));
    const batch = await this.changes.read(filters, knownAt ? { kind: 'known-at', knownAt } : { kind: 'now' }, undefined, DOCUMENT_CAP);
    const changes: StanceChange[] = batch.changes;
    if (format === 'csv') return { contentType: 'text/csv; charset=utf-8', body: stanceChangesCsv(changes), capped: batch.more };
    if (format === 'json') {
      return { contentType: 'application/json; charset=utf-8', body: `${JSON.stringify({ items: changes, capped: batch.more }, null, 2)}\n`, capped: batch.more };
    }
    const body = stanceChangesMarkdown(changes, {
      actors: filters.actors, topic: filters.topic, from: request.from, to: request.to, kinds: filters.kinds,
      knownAt: knownAt ?? batch.pin?.knownAt ?? new Date(), asked: knownAt !== undefined, names: await this.namesOf(filters),
    }, batch.more ? DOCUMENT_CAP : undefined);
    return { contentType: 'text/markdown; charset=utf-8', body, capped: batch.more };
  }

  /** The report's title names what it covers; ids that are not registered stay ids. */
  private async namesOf(filters: StanceChangeFilters): Promise<{ actors: Map<string, string>; topic?: string }> {
    return {
      actors: filters.actors?.length ? await actorNames(this.reads, filters.actors) : new Map(),
      topic: filters.topic ? await topicTitle(this.reads, filters.topic) : undefined,
    };
  }
}

function scopeOf(request: StanceChangesRequest): Scope {
  const from = request.from === undefined ? undefined : parsePartialDate(request.from);
  const to = request.to === undefined ? undefined : parsePartialDate(request.to);
  if (from && to && from.start > to.end) throw new InvalidInputError('to', 'to must not be before from');
  const kinds: ChangeKind[] | undefined = request.kind ? [...new Set(request.kind)] : undefined;
  return {
    filters: { actors: request.actor, topic: request.topic, from: from?.start, to: to?.end, kinds },
    knownAt: request.knownAt === undefined ? undefined : parseTimestamp(request.knownAt),
  };
}
