import type { ChangeKind, FlipOMeter } from '../../stance-changes/classify-change.js';
import type { StatementReadView } from '../../statements/read-model/statement-read.view.js';
import type { Stance } from '../../statements/statement.events.js';

export const GROUP_BY = ['actor', 'topic'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

/** The statement a change came from, as a timeline marks it on the later one. */
export interface ChangeMark {
  readonly kind: Exclude<ChangeKind, 'unchanged'>;
  readonly flipOMeter: FlipOMeter;
  readonly scoreDelta: number;
  /** The two statements' dates overlap, so which came first is not known. */
  readonly orderUncertain: boolean;
  readonly from: { readonly id: string; readonly stance: Stance; readonly statedAt: string };
}

/** One statement on a timeline, with the names a reader needs and the stance change it made, if any. */
export interface TimelineEntry {
  readonly statement: StatementReadView;
  readonly actorName: string;
  readonly topicTitle: string;
  readonly proposition: string;
  readonly change?: ChangeMark;
}

/** What both export formats are made from. */
export interface TimelineContents {
  readonly title: string;
  readonly description: string;
  readonly groupBy: GroupBy;
  readonly entries: readonly TimelineEntry[];
  /** More statements matched than a timeline holds. */
  readonly capped: boolean;
}

/** `strongly_oppose` as people read it: "strongly oppose". */
export function stanceLabel(stance: Stance): string {
  return stance.replace('_', ' ');
}

/** The score with its sign: "+1", "0", "-2". */
export function signedScore(score: number): string {
  return score > 0 ? `+${score}` : String(score);
}
