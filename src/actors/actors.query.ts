import type { NamedRecords } from '../names/named-records.js';

/** An actor as the reads return it. */
export interface ActorView {
  id: string;
  name: string;
  kind: string;
  aliases: string[];
  roles: object[];
  recordedAt: Date;
}

/** The actors read model, asked by name: id, name and every alias count alike. */
export const ACTORS: NamedRecords = {
  noun: 'actor',
  from: 'actors',
  columns: `id, name, kind, aliases, roles, recorded_at AS "recordedAt"`,
  names: 'public.actor_names(id, name, aliases)',
  existing: `SELECT id FROM actors WHERE id = ANY($1::text[])`,
};
