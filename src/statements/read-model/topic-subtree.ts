import type { SqlParams } from '../../database/sql-params.js';

/**
 * The condition "on this topic or one of its subtopics" for alias `v`. topic_id is in the C collation,
 * so the range [topic, topic || '0') is one btree range: it holds the topic, its `topic/...` subtopics
 * (`/` sorts just before `0`) and siblings named `topic-...` (`-` sorts before `/`), which the
 * second test removes.
 */
export function topicSubtreeCondition(topic: string, params: SqlParams): string {
  const t = `${params.add(topic)}::text`;
  return `v.topic_id >= ${t} AND v.topic_id < ${t} || '0' AND ${inSubtree('v.topic_id', t)}`;
}

/** Whether the topic id `column` is the topic `t` (SQL) or one of its subtopics. */
const inSubtree = (column: string, t: string) => `(${column} = ${t} OR starts_with(${column}, ${t} || '/'))`;

/**
 * The same subtree as topicSubtreeCondition, for alias `v`, as the list of its topics' ids read from
 * `topics` (every statement's topic is a defined topic: references are checked on every write, and
 * topics are never removed). For reads that also name an actor: the planner cannot see into the list,
 * so it keeps to the actor's index, with actor and topics both in the index condition. Given the range
 * instead, it estimated a topic outside the statistics' most common values at about one row (thousands
 * at 1M statements) and, in plans made for the values, read that topic's whole timeline filtering by actor.
 */
export function topicSubtreeListed(topic: string, params: SqlParams): string {
  const t = `${params.add(topic)}::text`;
  return `v.topic_id = ANY(ARRAY(SELECT s.id FROM topics s WHERE ${inSubtree('s.id', t)}))`;
}
