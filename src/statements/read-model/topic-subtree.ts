import type { SqlParams } from '../../database/sql-params.js';

/**
 * The condition "on this topic or one of its subtopics" for alias `v`. topic_id is in the C collation,
 * so the range [topic, topic || '0') is one btree range: it holds the topic, its `topic/...` subtopics
 * (`/` sorts just before `0`) and siblings named `topic-...` (`-` sorts before `/`), which the
 * second test removes.
 */
export function topicSubtreeCondition(topic: string, params: SqlParams): string {
  const t = `${params.add(topic)}::text`;
  return `v.topic_id >= ${t} AND v.topic_id < ${t} || '0' AND (v.topic_id = ${t} OR starts_with(v.topic_id, ${t} || '/'))`;
}
