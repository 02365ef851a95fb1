import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Provenance made searchable: the `locator` joins the full-text document of statements and claims at the
 * lowest weight (D), and `reported_in` gets an index for the `reportedIn` filter of the lists.
 *
 * PostgreSQL 15 cannot change a generated column's expression, and stored values are computed when a row
 * is written, so each `document` column is dropped and added again (every row is computed anew) with its
 * GIN index. The document functions gain a `locator` argument: new overloads, the old ones dropped.
 * A rebuild's shadow tables copy columns (LIKE ... INCLUDING ALL) and indexes from public, so they follow.
 */
export class SearchProvenance1764800000000 implements MigrationInterface {
  name = 'SearchProvenance1764800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION statement_document(summary text, quote text, conditions jsonb, locator text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT setweight(to_tsvector('pg_catalog.english', summary), 'A')
                || setweight(to_tsvector('pg_catalog.english', coalesce(quote, '')), 'B')
                || setweight(jsonb_to_tsvector('pg_catalog.english', conditions, '["string"]'), 'C')
                || setweight(to_tsvector('pg_catalog.english', coalesce(locator, '')), 'D') $$`);
    await db.query(`
      CREATE FUNCTION claim_document(measure text, quote text, locator text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT setweight(to_tsvector('pg_catalog.english', translate(measure, '/-', '  ')), 'A')
                || setweight(to_tsvector('pg_catalog.english', coalesce(quote, '')), 'B')
                || setweight(to_tsvector('pg_catalog.english', coalesce(locator, '')), 'D') $$`);
    await this.document(db, 'statement_versions', 'statement_document(summary, quote, conditions, locator)');
    await this.document(db, 'claim_versions', 'claim_document(measure, quote, locator)');
    await db.query(`DROP FUNCTION statement_document(text, text, jsonb), claim_document(text, text)`);
    // Partial: most records are first-hand (no reported_in), and the filter never asks for NULL.
    await db.query(`CREATE INDEX statement_versions_reported_in ON statement_versions (reported_in) WHERE reported_in IS NOT NULL`);
    await db.query(`CREATE INDEX claim_versions_reported_in ON claim_versions (reported_in) WHERE reported_in IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX statement_versions_reported_in, claim_versions_reported_in`);
    await db.query(`
      CREATE FUNCTION statement_document(summary text, quote text, conditions jsonb) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT setweight(to_tsvector('pg_catalog.english', summary), 'A')
                || setweight(to_tsvector('pg_catalog.english', coalesce(quote, '')), 'B')
                || setweight(jsonb_to_tsvector('pg_catalog.english', conditions, '["string"]'), 'C') $$`);
    await db.query(`
      CREATE FUNCTION claim_document(measure text, quote text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT setweight(to_tsvector('pg_catalog.english', translate(measure, '/-', '  ')), 'A')
                || setweight(to_tsvector('pg_catalog.english', coalesce(quote, '')), 'B') $$`);
    await this.document(db, 'statement_versions', 'statement_document(summary, quote, conditions)');
    await this.document(db, 'claim_versions', 'claim_document(measure, quote)');
    await db.query(`DROP FUNCTION statement_document(text, text, jsonb, text), claim_document(text, text, text)`);
  }

  /** Replaces `table`'s generated document (the column, so every row is recomputed) and its GIN index. */
  private async document(db: QueryRunner, table: string, expression: string): Promise<void> {
    await db.query(`ALTER TABLE ${table} DROP COLUMN document`);
    await db.query(`ALTER TABLE ${table} ADD COLUMN document tsvector GENERATED ALWAYS AS (${expression}) STORED`);
    await db.query(`CREATE INDEX ${table}_document ON ${table} USING gin (document)`);
  }
}
