import { randomBytes } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The statements read model on both time axes: one row per version of a statement. `stated_*` is when
 * it was said (valid time); `recorded_from`..`recorded_to` is the period during which this version was
 * the record (system time, null while current). A correction closes one row and opens the next; a
 * retraction closes the last and adds a zero-length row that keeps the retraction in the history but is
 * never "the record" at any instant. Rows are never deleted.
 *
 * Indexes: every query either wants "now" (recorded_to IS NULL, the partial indexes: no history to skip)
 * or "as known at K" (the full ones, where the only extra rows scanned are a statement's own other
 * versions). Ids of topics are compared in the C collation so that a plain btree serves both the
 * subtopic prefix range and ordering, whatever the database's locale.
 */
export class StatementVersions1764100000002 implements MigrationInterface {
  name = 'StatementVersions1764100000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE statement_versions (
        statement_id     text        NOT NULL,
        version          integer     NOT NULL,
        actor_id         text        NOT NULL,
        topic_id         text        COLLATE "C" NOT NULL,
        stance           text        NOT NULL,
        stance_score     smallint    NOT NULL,
        conditions       jsonb       NOT NULL DEFAULT '[]',
        summary          text        NOT NULL,
        quote            text,
        form             text        NOT NULL,
        source_id        text        NOT NULL,
        stated_at        text        NOT NULL,
        stated_precision text        NOT NULL,
        stated_start     date        NOT NULL,
        stated_end       date        NOT NULL,
        corrections      integer     NOT NULL DEFAULT 0,
        first_position   bigint      NOT NULL,
        first_recorded_at timestamptz NOT NULL,
        recorded_from    timestamptz NOT NULL,
        recorded_to      timestamptz,
        made_xid         xid8        NOT NULL,
        closed_xid       xid8,
        event_type       text        NOT NULL,
        event_position   bigint      NOT NULL,
        event_id         uuid        NOT NULL,
        reason           text,
        PRIMARY KEY (statement_id, version),
        CHECK (recorded_to IS NULL OR recorded_to >= recorded_from),
        CHECK (stated_end >= stated_start)
      )`);
    // At most one current version per statement: the projection's invariant, guarded by the database.
    await db.query(`CREATE UNIQUE INDEX statement_versions_one_current ON statement_versions (statement_id) WHERE recorded_to IS NULL`);
    const timeline = 'stated_start, first_position';
    const byTopic = 'actor_id, topic_id, stated_end DESC, stated_start DESC, first_position DESC';
    for (const [suffix, where] of [['', ''], ['_current', ' WHERE recorded_to IS NULL']]) {
      await db.query(`CREATE INDEX statement_versions_timeline${suffix} ON statement_versions (${timeline})${where}`);
      await db.query(`CREATE INDEX statement_versions_actor_timeline${suffix} ON statement_versions (actor_id, ${timeline})${where}`);
      await db.query(`CREATE INDEX statement_versions_topic_timeline${suffix} ON statement_versions (topic_id, ${timeline})${where}`);
      await db.query(`CREATE INDEX statement_versions_actor_topic${suffix} ON statement_versions (${byTopic})${where}`);
    }

    // The key that signs timeline cursors: random, made once per database, so cursors outlive restarts and
    // work on any instance. It is not a read model (a rebuild leaves it alone).
    await db.query(`CREATE TABLE cursor_keys (name text PRIMARY KEY, secret bytea NOT NULL)`);
    await db.query(`INSERT INTO cursor_keys (name, secret) VALUES ('timeline', $1)`, [randomBytes(32)]);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE cursor_keys`);
    await db.query(`DROP TABLE statement_versions`);
  }
}
