import type { EntityManager } from 'typeorm';
import { LOG_START, type LogCheckpoint } from '../event-store/recorded-event.js';

/**
 * A rebuild writes into copies of the read-model tables in a schema of its own (`rebuild_<n>`), which
 * stays invisible to reads until the swap. Its progress lives there too, written in each batch's
 * transaction, so a rebuild that dies resumes from its last committed batch instead of starting over.
 */
export const SHADOW_PREFIX = 'rebuild_';
const PROGRESS = 'rebuild_progress';

export interface Shadow {
  readonly schema: string;
  readonly checkpoint: LogCheckpoint;
  readonly applied: number;
  /** True when this continues a rebuild that stopped half-way. */
  readonly resumed: boolean;
}

export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Resumes the leftover rebuild of these same tables, if one exists; otherwise starts a new one. */
export async function prepareShadow(db: EntityManager, tables: readonly string[], fingerprint: string): Promise<Shadow> {
  if (tables.includes(PROGRESS)) throw new Error(`a projection may not own a table named ${PROGRESS}`);
  const leftovers: { schema: string }[] = await db.query(
    `SELECT nspname AS schema FROM pg_namespace WHERE starts_with(nspname, $1) ORDER BY nspname DESC`, [SHADOW_PREFIX]);
  for (const { schema } of leftovers) {
    const [{ found }] = await db.query(`SELECT to_regclass($1) IS NOT NULL AS found`, [`${ident(schema)}.${PROGRESS}`]);
    const [progress] = found
      ? await db.query(`SELECT fingerprint, transaction_id::text AS "transactionId", position, applied FROM ${ident(schema)}.${PROGRESS}`)
      : [];
    if (progress?.fingerprint === fingerprint) {
      return { schema, checkpoint: { transactionId: progress.transactionId, position: Number(progress.position) }, applied: Number(progress.applied), resumed: true };
    }
    // Another set of projections or another schema version: what it built is of no use.
    await db.query(`DROP SCHEMA ${ident(schema)} CASCADE`);
  }
  const [{ n }] = await db.query(`SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint AS n`);
  const schema = `${SHADOW_PREFIX}${n}`;
  await db.transaction(async (tx) => {
    await tx.query(`CREATE SCHEMA ${ident(schema)}`);
    for (const table of tables) await copyStructure(tx, schema, table);
    await tx.query(`CREATE TABLE ${ident(schema)}.${PROGRESS} (fingerprint text NOT NULL, transaction_id xid8 NOT NULL,
                      position bigint NOT NULL, applied bigint NOT NULL)`);
    await tx.query(`INSERT INTO ${ident(schema)}.${PROGRESS} VALUES ($1, $2::xid8, $3, 0)`, [fingerprint, LOG_START.transactionId, LOG_START.position]);
  });
  return { schema, checkpoint: LOG_START, applied: 0, resumed: false };
}

/** Records how far the rebuild got; call it in the transaction that applied the batch. */
export async function saveProgress(db: EntityManager, schema: string, checkpoint: LogCheckpoint, applied: number): Promise<void> {
  await db.query(`UPDATE ${ident(schema)}.${PROGRESS} SET transaction_id = $1::xid8, position = $2, applied = $3`,
    [checkpoint.transactionId, checkpoint.position, applied]);
}

/**
 * Puts the rebuilt tables in place of the live ones and drops the old ones. Reads that started before
 * finish on the old tables; reads after see the new ones; none sees a mix (one transaction).
 */
export async function swapIn(db: EntityManager, schema: string, tables: readonly string[]): Promise<void> {
  const retired = ident(`retired_${schema.slice(SHADOW_PREFIX.length)}`);
  await db.query(`CREATE SCHEMA ${retired}`);
  for (const table of tables) {
    await db.query(`ALTER TABLE public.${ident(table)} SET SCHEMA ${retired}`);
    await db.query(`ALTER TABLE ${ident(schema)}.${ident(table)} SET SCHEMA public`);
  }
  await db.query(`DROP SCHEMA ${retired} CASCADE`);
  await db.query(`DROP SCHEMA ${ident(schema)} CASCADE`);
}

/**
 * An empty copy of public.<table>: columns, defaults, checks, identity, keys, and the unique indexes under
 * their own names (LIKE ... INCLUDING INDEXES would rename them, and later migrations refer to the names).
 * Only what the projections' writes rely on: keys and uniqueness (a correction finds the current version
 * through a partial unique index). The other indexes serve reads only, and keeping them up to date row by
 * row is most of a replay's cost: they are built once the copy is full (shadow-indexes.ts).
 * Foreign keys are not copied: read-model tables are rebuilt one by one and must not reference each other.
 */
async function copyStructure(db: EntityManager, schema: string, table: string): Promise<void> {
  const source = `public.${ident(table)}`;
  const target = `${ident(schema)}.${ident(table)}`;
  await db.query(`CREATE TABLE ${target} (LIKE ${source} INCLUDING ALL EXCLUDING INDEXES)`);
  const keys: { name: string; def: string }[] = await db.query(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE conrelid = $1::regclass AND contype IN ('p', 'u', 'x') ORDER BY conname`, [source]);
  for (const key of keys) await db.query(`ALTER TABLE ${target} ADD CONSTRAINT ${ident(key.name)} ${key.def}`);
  for (const index of await standaloneIndexes(db, table)) {
    if (index.unique) await db.query(inSchema(index.def, schema));
  }
}

export interface IndexDefinition {
  readonly name: string;
  /** CREATE [UNIQUE] INDEX ... ON public.<table> ..., as pg_get_indexdef gives it. */
  readonly def: string;
  readonly unique: boolean;
}

/** public.<table>'s indexes that no key of its own creates (those come with the constraints). */
export async function standaloneIndexes(db: EntityManager, table: string): Promise<IndexDefinition[]> {
  return db.query(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS def, i.indisunique AS "unique"
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE i.indrelid = $1::regclass
        AND NOT EXISTS (SELECT FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x'))
      ORDER BY i.indexrelid`, [`public.${ident(table)}`]);
}

/** The same index, on the copy of its table in `schema`. */
export const inSchema = (def: string, schema: string) => def.replace(/ ON (ONLY )?public\./, ` ON $1${ident(schema)}.`);
