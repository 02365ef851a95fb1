import type { PartialDate } from '../common/dates/partial-date.js';
import type { SqlParams } from '../database/sql-params.js';
import { asOfCondition, type AsOf } from '../statements/read-model/as-of.js';
import { VERSION_COLUMNS } from '../statements/read-model/statement-version.js';
import { topicSubtreeCondition, topicSubtreeListed } from '../statements/read-model/topic-subtree.js';

/** Whose statements, on what: absent means every actor, every topic. */
export interface StandingScope {
  readonly actors?: readonly string[];
  readonly topic?: string;
}

/**
 * The rule for "where does X stand on Y on D", shared by /v1/stance and /v1/positions so the two can
 * never disagree. Calendar dates nest (a day lies in one month, a month in one year), so a statement made
 * no later than D's last day either ends by then (certainly made by D: it may stand; if it also starts
 * within D, it was said on D) or covers D's last day with a coarser date (it may have come after D:
 * uncertain, never guessed into the standing). Standing, per actor and topic: the latest such statement
 * by its last possible day, then first possible day, then the order it was recorded in.
 *
 * Answers the CTE `candidates` (every statement of the scope made no later than D's last day, with
 * `start_day` and `end_day`) and the days of D as SQL; `latestPer` picks, per actor and topic, the latest
 * candidate among those a condition keeps. The candidates carry the version's own columns, not its
 * sources': a caller that shows statements joins those to the few rows it answers (sourceJoins), not to
 * every statement an actor made on the topic before D.
 */
export function standingCandidates(scope: StandingScope, on: PartialDate, asOf: AsOf, params: SqlParams): { cte: string; start: () => string; end: string } {
  const end = `${params.add(on.end)}::date`;
  const where = [asOfCondition(asOf, params), `v.stated_start <= ${end}`];
  if (scope.actors?.length === 1) where.push(`v.actor_id = ${params.add(scope.actors[0])}`);
  else if (scope.actors?.length) where.push(`v.actor_id = ANY(${params.add(scope.actors)}::text[])`);
  // With one actor, the subtree as a list of ids keeps every plan on the actor's index (topic-subtree.ts).
  if (scope.topic !== undefined) where.push((scope.actors?.length === 1 ? topicSubtreeListed : topicSubtreeCondition)(scope.topic, params));
  const cte = `candidates AS MATERIALIZED (
      SELECT ${VERSION_COLUMNS}, v.stated_start AS start_day, v.stated_end AS end_day
        FROM statement_versions v
       WHERE ${where.join(' AND ')})`;
  // D's first day only when asked for: a parameter the statement does not use has no type PostgreSQL can infer.
  return { cte, start: () => `${params.add(on.start)}::date`, end };
}

/** Per actor and topic, the latest candidate that `condition` (on alias `c`) keeps. */
export function latestPer(condition: string): string {
  return `SELECT DISTINCT ON (c.actor_id, c.topic_id) c.* FROM candidates c WHERE ${condition}
           ORDER BY c.actor_id, c.topic_id, c.end_day DESC, c.start_day DESC, c.first_position DESC`;
}

/** The standing statements: certainly made by the end of D. */
export const standing = (end: string) => latestPer(`c.end_day <= ${end}`);
/** Statements whose coarser date covers D's end: they may or may not have been made by then. */
export const uncertain = (end: string) => `c.end_day > ${end}`;
