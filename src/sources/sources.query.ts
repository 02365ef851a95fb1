import type { NamedRecords } from '../names/named-records.js';
import { SOURCE_COLUMNS } from './source.view.js';

/** The sources read model, asked by name: id, title and publisher count alike. */
export const SOURCES: NamedRecords = {
  noun: 'source',
  from: 'sources',
  columns: SOURCE_COLUMNS,
  names: 'public.source_names(id, title, publisher)',
  existing: (ids) => `SELECT id FROM sources WHERE id = ANY(${ids}::text[])`,
};
