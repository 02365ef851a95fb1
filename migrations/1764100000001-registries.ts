import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Read models of the registries, written only by their inline projections. */
export class Registries1764100000001 implements MigrationInterface {
  name = 'Registries1764100000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE actors (
        id          text PRIMARY KEY,
        name        text NOT NULL,
        kind        text NOT NULL,
        aliases     jsonb NOT NULL DEFAULT '[]',
        roles       jsonb NOT NULL DEFAULT '[]',
        recorded_at timestamptz NOT NULL
      )`);
    await db.query(`
      CREATE TABLE topics (
        id          text PRIMARY KEY,
        parent_id   text,
        title       text NOT NULL,
        proposition text NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    // "Under a topic" is a prefix match on the path; text_pattern_ops lets LIKE 'a/b/%' use the index.
    await db.query(`CREATE INDEX topics_id_prefix ON topics (id text_pattern_ops)`);
    await db.query(`
      CREATE TABLE sources (
        id           text PRIMARY KEY,
        kind         text NOT NULL,
        title        text NOT NULL,
        publisher    text,
        url          text,
        published_at text,
        recorded_at  timestamptz NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE sources`);
    await db.query(`DROP TABLE topics`);
    await db.query(`DROP TABLE actors`);
  }
}
