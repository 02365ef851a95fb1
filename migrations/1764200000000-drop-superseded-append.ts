import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Drops what no code path uses any more: append_to_stream, superseded by append_event / append_events
 * (1764100000004-lean-append.ts), and projection_checkpoints, kept for async projections the service
 * never had (every projection runs inline, in the append's transaction).
 */
export class DropSupersededAppend1764200000000 implements MigrationInterface {
  name = 'DropSupersededAppend1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION append_to_stream`);
    await db.query(`DROP TABLE projection_checkpoints`);
  }

  // Irreversible on purpose: restoring them would copy 1764100000000's definitions here, for code that no
  // longer calls them. A schema older than this migration comes from a backup or a fresh database.
  async down(): Promise<void> {
    throw new Error('1764200000000 dropped append_to_stream and projection_checkpoints for good; it cannot be reverted');
  }
}
