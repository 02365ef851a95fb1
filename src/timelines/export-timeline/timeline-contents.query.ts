import { Injectable } from '@nestjs/common';
import { ReadRouter } from '../../database/read-routing/read-router.js';
import type { PartialDate } from '../../common/dates/partial-date.js';
import { StanceChangesReport } from '../../stance-changes/report/stance-changes.report.js';
import type { StanceChangesRequest } from '../../stance-changes/report/stance-changes.request.dto.js';
import { StatementTimeline } from '../../statements/read-model/list-statements/statement-timeline.query.js';
import type { StatementReadView } from '../../statements/read-model/statement-read.view.js';
import type { ChangeMark, GroupBy, TimelineContents } from './timeline-entry.js';

/** A timeline holds at most this many statements; an export that stops there says so. */
export const MAX_TIMELINE_STATEMENTS = 2_000;
const PAGE = 500;

export interface TimelineScope {
  readonly actors?: readonly string[];
  readonly topic?: string;
  readonly from?: PartialDate;
  readonly to?: PartialDate;
  /** Only statements matching these words (full-text search). */
  readonly text?: string;
  readonly knownAt?: Date;
  readonly groupBy: GroupBy;
}

/**
 * What a timeline shows: the statements of the statements timeline (its order, filters and time travel),
 * named from the registries, each marked with the stance change it made (from the stance-change report),
 * so both export formats show the same thing.
 */
@Injectable()
export class TimelineContentsQuery {
  constructor(
    private readonly statements: StatementTimeline,
    private readonly changes: StanceChangesReport,
    private readonly reads: ReadRouter,
  ) {}

  async load(scope: TimelineScope): Promise<TimelineContents> {
    const { statements, capped } = await this.statementsIn(scope);
    const [actors, topics, changes] = await Promise.all([
      this.namesOf('actors', statements.map((s) => s.actorId)),
      this.topicsOf(statements.map((s) => s.topicId)),
      this.changesIn(scope),
    ]);
    const entries = statements.map((statement) => ({
      statement,
      actorName: actors.get(statement.actorId) ?? statement.actorId,
      topicTitle: topics.get(statement.topicId)?.title ?? statement.topicId,
      proposition: topics.get(statement.topicId)?.proposition ?? '',
      ...(changes.has(statement.id) ? { change: changes.get(statement.id)! } : {}),
    }));
    return { ...(await this.titleOf(scope, entries.length, capped)), groupBy: scope.groupBy, entries, capped };
  }

  private async statementsIn(scope: TimelineScope): Promise<{ statements: StatementReadView[]; capped: boolean }> {
    const statements: StatementReadView[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.statements.page(
        { actors: scope.actors, topic: scope.topic, from: scope.from, to: scope.to, text: scope.text },
        { knownAt: scope.knownAt, cursor, order: 'statedAt', limit: Math.min(PAGE, MAX_TIMELINE_STATEMENTS - statements.length) });
      statements.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && statements.length < MAX_TIMELINE_STATEMENTS);
    return { statements, capped: cursor !== undefined };
  }

  /** The changes whose later statement is on this timeline, by that statement's id; "unchanged" is no change to mark. */
  private async changesIn(scope: TimelineScope): Promise<Map<string, ChangeMark>> {
    const marks = new Map<string, ChangeMark>();
    const request: StanceChangesRequest = {
      actor: scope.actors ? [...scope.actors] : undefined, topic: scope.topic, from: scope.from?.text, to: scope.to?.text,
      knownAt: scope.knownAt?.toISOString(), limit: PAGE,
    };
    let seen = 0;
    do {
      const page = await this.changes.page(request);
      for (const c of page.items) {
        if (c.kind === 'unchanged') continue;
        marks.set(c.to.id, { kind: c.kind, flipOMeter: c.flipOMeter, scoreDelta: c.scoreDelta, orderUncertain: c.orderUncertain,
          from: { id: c.from.id, stance: c.from.stance, statedAt: c.from.statedAt } });
      }
      seen += page.items.length;
      request.cursor = page.nextCursor ?? undefined;
    } while (request.cursor && seen < MAX_TIMELINE_STATEMENTS);
    return marks;
  }

  private async namesOf(table: 'actors', ids: string[]): Promise<Map<string, string>> {
    const rows: { id: string; name: string }[] = await this.reads.query(`SELECT id, name FROM ${table} WHERE id = ANY($1::text[])`, [[...new Set(ids)]]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  private async topicsOf(ids: string[]): Promise<Map<string, { title: string; proposition: string }>> {
    const rows: { id: string; title: string; proposition: string }[] = await this.reads.query(
      `SELECT id, title, proposition FROM topics WHERE id = ANY($1::text[])`, [[...new Set(ids)]]);
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** "Volodymyr Zelensky and Donald Trump on Negotiations, 2022 to 2025": what the timeline covers, in words. */
  private async titleOf(scope: TimelineScope, count: number, capped: boolean): Promise<{ title: string; description: string }> {
    const who = scope.actors?.length ? [...(await this.namesOf('actors', [...scope.actors])).values()] : [];
    const [topic] = scope.topic ? (await this.topicsOf([scope.topic])).values() : [];
    const when = scope.from || scope.to ? `, ${scope.from?.text ?? '…'} to ${scope.to?.text ?? '…'}` : '';
    const words = scope.text === undefined ? '' : `, saying “${scope.text}”`;
    const title = `${who.length ? joinNames(who) : 'Every actor'} on ${topic?.title ?? 'every topic'}${words}${when}`;
    const description = `${count} statement${count === 1 ? '' : 's'}${capped ? ` (the first ${MAX_TIMELINE_STATEMENTS})` : ''}`
      + `, as recorded ${scope.knownAt ? `at ${scope.knownAt.toISOString()}` : 'now'}.`;
    return { title, description };
  }
}

function joinNames(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
