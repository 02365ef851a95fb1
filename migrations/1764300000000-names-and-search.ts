import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Finding things in words. Names (ids, names, aliases, titles) are compared by trigram likeness
 * (pg_trgm) after folding case and accents (unaccent): `fold_name` wraps unaccent with a fixed
 * dictionary so that it is immutable and can be indexed. Each registry gets one text of all its names
 * and a GIN trigram index on it, for `?q=` lists and the suggestions of an unknown name.
 *
 * What was said is searched with PostgreSQL full-text search: a stored generated tsvector per version
 * row (weights: summary A, quote B, conditions C), so corrections and retractions, which write new
 * version rows, carry their own document, and a rebuild's shadow copies (LIKE ... INCLUDING ALL) generate
 * it too. To search more fields: a new migration replaces `statement_document` and drops and adds the
 * column again (stored values are computed when a row is written, so replacing the function alone would
 * leave old rows as they were), and statement-search.ts adds the field to the highlighted text.
 */
export class NamesAndSearch1764300000000 implements MigrationInterface {
  name = 'NamesAndSearch1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await db.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    // Schema-qualified (public, where the extensions were made), so the result never depends on search_path.
    await db.query(`
      CREATE FUNCTION fold_name(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$`);
    await db.query(`
      CREATE FUNCTION actor_names(id text, name text, aliases jsonb) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT public.fold_name(concat_ws(' ', id, name, (SELECT string_agg(a, ' ') FROM jsonb_array_elements_text(aliases) a))) $$`);
    await db.query(`
      CREATE FUNCTION topic_names(id text, title text, proposition text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT public.fold_name(concat_ws(' ', id, title, proposition)) $$`);
    await db.query(`
      CREATE FUNCTION source_names(id text, title text, publisher text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT public.fold_name(concat_ws(' ', id, title, publisher)) $$`);
    await db.query(`CREATE INDEX actors_names ON actors USING gin (actor_names(id, name, aliases) gin_trgm_ops)`);
    await db.query(`CREATE INDEX topics_names ON topics USING gin (topic_names(id, title, proposition) gin_trgm_ops)`);
    await db.query(`CREATE INDEX sources_names ON sources USING gin (source_names(id, title, publisher) gin_trgm_ops)`);

    await db.query(`
      CREATE FUNCTION statement_document(summary text, quote text, conditions jsonb) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT setweight(to_tsvector('pg_catalog.english', summary), 'A')
                || setweight(to_tsvector('pg_catalog.english', coalesce(quote, '')), 'B')
                || setweight(jsonb_to_tsvector('pg_catalog.english', conditions, '["string"]'), 'C') $$`);
    await db.query(`
      ALTER TABLE statement_versions ADD COLUMN document tsvector
        GENERATED ALWAYS AS (statement_document(summary, quote, conditions)) STORED`);
    // One index for "now" and knownAt alike: past versions are a few percent of the rows, and a second,
    // partial GIN index would double the upkeep every append pays.
    await db.query(`CREATE INDEX statement_versions_document ON statement_versions USING gin (document)`);
    await db.query(`CREATE INDEX topics_title_words ON topics USING gin (to_tsvector('pg_catalog.english', title))`);

    await db.query(`
      CREATE FUNCTION claim_document(measure text, quote text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT setweight(to_tsvector('pg_catalog.english', translate(measure, '/-', '  ')), 'A')
                || setweight(to_tsvector('pg_catalog.english', coalesce(quote, '')), 'B') $$`);
    await db.query(`ALTER TABLE claim_versions ADD COLUMN document tsvector GENERATED ALWAYS AS (claim_document(measure, quote)) STORED`);
    await db.query(`CREATE INDEX claim_versions_document ON claim_versions USING gin (document)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE claim_versions DROP COLUMN document`);
    await db.query(`DROP FUNCTION claim_document`);
    await db.query(`DROP INDEX topics_title_words`);
    await db.query(`ALTER TABLE statement_versions DROP COLUMN document`);
    await db.query(`DROP FUNCTION statement_document`);
    for (const table of ['actors', 'topics', 'sources']) await db.query(`DROP INDEX ${table}_names`);
    await db.query(`DROP FUNCTION actor_names, topic_names, source_names, fold_name`);
  }
}
