import type { ReadRouter } from '../database/read-routing/read-router.js';
import type { NamedRecords } from '../names/named-records.js';
import { TOPIC_COLUMNS } from './topic.view.js';

/** The topics read model, asked by name: id, title and proposition count alike. */
export const TOPICS: NamedRecords = {
  noun: 'topic',
  from: 'topics',
  columns: TOPIC_COLUMNS,
  names: 'public.topic_names(id, title, proposition)',
  existing: (ids) => `SELECT id FROM topics WHERE id = ANY(${ids}::text[])`,
};

/** `id` is `under` or below it. Topic ids hold no LIKE wildcards, so the prefix is safe as it stands (and uses the index). */
export const underTopic = (under: string) => (params: { add(value: unknown): string }) => {
  const u = params.add(under);
  return `(id = ${u} OR id LIKE ${u} || '/%')`;
};

/** A topic's title, or undefined when no topic has this id. */
export async function topicTitle(reads: ReadRouter, id: string): Promise<string | undefined> {
  const [topic]: { title: string }[] = await reads.query(`SELECT title FROM topics WHERE id = $1`, [id]);
  return topic?.title;
}

/** The ids of the topics whose title matches these words (full-text, as statements are searched). */
export async function topicsTitled(reads: ReadRouter, text: string): Promise<string[]> {
  const rows: { id: string }[] = await reads.query(TOPICS_TITLED, [text]);
  return rows.map((row) => row.id);
}

export const TOPICS_TITLED = `SELECT id FROM topics WHERE to_tsvector('pg_catalog.english', title) @@ websearch_to_tsquery('pg_catalog.english', $1)`;
