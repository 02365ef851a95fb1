import type { NamedRecords } from '../names/named-records.js';
import { ACTOR_COLUMNS } from './actor.view.js';

/** The actors read model, asked by name: id, name and every alias count alike. */
export const ACTORS: NamedRecords = {
  noun: 'actor',
  from: 'actors',
  columns: ACTOR_COLUMNS,
  names: 'public.actor_names(id, name, aliases)',
  existing: (ids) => `SELECT id FROM actors WHERE id = ANY(${ids}::text[])`,
};
