import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Provenance of statements and claims (v1.1): the publication a record is known through (`reported_in`,
 * a source id) and where in it (`locator`). Read-model columns only: rows made from events written
 * before have neither, which is what those events, upcast, say. The events table is not touched.
 */
export class Provenance1764400000000 implements MigrationInterface {
  name = 'Provenance1764400000000';

  async up(db: QueryRunner): Promise<void> {
    for (const table of ['statement_versions', 'claim_versions']) {
      await db.query(`ALTER TABLE ${table} ADD COLUMN reported_in text, ADD COLUMN locator text`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['statement_versions', 'claim_versions']) {
      await db.query(`ALTER TABLE ${table} DROP COLUMN reported_in, DROP COLUMN locator`);
    }
  }
}
