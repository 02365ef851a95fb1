import { parsePartialDate } from '../common/dates/partial-date.js';
import { sameConditionMeaning } from '../statements/conditions.js';
import { STANCE_SCORE, type Stance } from '../statements/statement.events.js';

export const CHANGE_KINDS = ['unchanged', 'conditions_changed', 'shift', 'reversal'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** PolitiFact's Flip-O-Meter, as docs/DOMAIN.md maps the kinds onto it. */
export const FLIP_O_METER = {
  unchanged: 'no_flip',
  conditions_changed: 'half_flip',
  shift: 'half_flip',
  reversal: 'full_flop',
} as const satisfies Record<ChangeKind, string>;
export type FlipOMeter = (typeof FLIP_O_METER)[ChangeKind];

/** What the classification looks at in each of the two statements. */
export interface StatedPosition {
  stance: Stance;
  conditions: readonly string[];
  /** `2025-02-04`, `2025-02` or `2022`. */
  statedAt: string;
}

export interface ChangeClassification {
  kind: ChangeKind;
  flipOMeter: FlipOMeter;
  /** The later stance's score minus the earlier one's: +3 from strongly_oppose to support. */
  scoreDelta: number;
  /** The two statedAt periods overlap, so which came first is not known. */
  orderUncertain: boolean;
}

/**
 * Compares two consecutive statements of one actor on one topic, `from` being the earlier in statedAt
 * order. A reversal crosses neutral: the score's sign flips (support became opposition or the reverse);
 * any other move of the stance, to or from neutral included, is a shift.
 */
export function classifyChange(from: StatedPosition, to: StatedPosition): ChangeClassification {
  const before = STANCE_SCORE[from.stance];
  const after = STANCE_SCORE[to.stance];
  const kind: ChangeKind = before === after
    ? (sameConditionMeaning(from.conditions, to.conditions) ? 'unchanged' : 'conditions_changed')
    : (Math.sign(before) * Math.sign(after) < 0 ? 'reversal' : 'shift');
  return { kind, flipOMeter: FLIP_O_METER[kind], scoreDelta: after - before, orderUncertain: periodsOverlap(from.statedAt, to.statedAt) };
}

/**
 * A statement dated `2022` happened at some unknown point of that year: against another of 2022, or
 * one of 2022-10-04, nobody can say which came first. Statements are ordered by the start of their
 * period, and a pair whose periods share a day is flagged rather than presented as a known sequence.
 * Two statements of the same day overlap too: the day is the finest grain the record keeps.
 */
export function periodsOverlap(a: string, b: string): boolean {
  const first = parsePartialDate(a);
  const second = parsePartialDate(b);
  if (!first || !second) throw new Error(`statedAt ${JSON.stringify(first ? b : a)} is not a partial date`);
  // ISO days compare correctly as text.
  return first.start <= second.end && second.start <= first.end;
}
