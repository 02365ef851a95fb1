import type { ReadRouter } from '../database/read-routing/read-router.js';
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

/** The names of those of these actors that are registered, by id. */
export async function actorNames(reads: ReadRouter, ids: readonly string[]): Promise<Map<string, string>> {
  const rows: { id: string; name: string }[] = await reads.query(`SELECT id, name FROM actors WHERE id = ANY($1::text[])`, [ids]);
  return new Map(rows.map((row) => [row.id, row.name]));
}
