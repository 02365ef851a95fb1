/** A topic as every endpoint returns it. */
export interface TopicView {
  id: string;
  parentId: string | null;
  title: string;
  proposition: string;
  recordedAt: Date;
}

export const TOPIC_COLUMNS =
  `id, parent_id AS "parentId", title, proposition, recorded_at AS "recordedAt"`;
