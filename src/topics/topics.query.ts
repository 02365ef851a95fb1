import type { NamedRecords } from '../names/named-records.js';
import { TOPIC_COLUMNS } from './topic.view.js';

/** The topics read model, asked by name: id, title and proposition count alike. */
export const TOPICS: NamedRecords = {
  noun: 'topic',
  from: 'topics',
  columns: TOPIC_COLUMNS,
  names: 'public.topic_names(id, title, proposition)',
  existing: `SELECT id FROM topics WHERE id = ANY($1::text[])`,
};

/** `id` is `under` or below it. Topic ids hold no LIKE wildcards, so the prefix is safe as it stands (and uses the index). */
export const underTopic = (under: string) => (params: { add(value: unknown): string }) => {
  const u = params.add(under);
  return `(id = ${u} OR id LIKE ${u} || '/%')`;
};
