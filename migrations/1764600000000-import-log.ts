import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Loading an exported log into an empty database (npm run import -- --log). A procedure, because it
 * commits once per original append: each exported transaction becomes one transaction here, in the
 * file's order, so the log's safe order (transaction id, position) and its grouping into appends (which
 * a rebuild replays as units) come out as they were. Those commits skip the wait for the disk
 * (synchronous_commit off, for them only); the last one of the last call waits, which makes every
 * earlier one durable too. It only inserts: the log stays append-only, and its triggers stay on.
 */
export class ImportLog1764600000000 implements MigrationInterface {
  name = 'ImportLog1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE PROCEDURE import_log_events(p_events jsonb[], p_last boolean)
      LANGUAGE plpgsql AS $$
      DECLARE
        v_event jsonb;
        v_append text;
      BEGIN
        PERFORM set_config('synchronous_commit', 'off', true);
        FOREACH v_event IN ARRAY p_events LOOP
          IF v_append IS DISTINCT FROM v_event->>'transactionId' AND v_append IS NOT NULL THEN
            COMMIT;
            PERFORM set_config('synchronous_commit', 'off', true);
          END IF;
          v_append := v_event->>'transactionId';
          INSERT INTO events (position, stream_id, version, event_id, type, schema_version, data, metadata, recorded_at)
          OVERRIDING SYSTEM VALUE
          VALUES ((v_event->>'position')::bigint, v_event->>'streamId', (v_event->>'version')::integer,
                  (v_event->>'eventId')::uuid, v_event->>'type', (v_event->>'schemaVersion')::smallint,
                  v_event->'data', v_event->'metadata', (v_event->>'recordedAt')::timestamptz);
        END LOOP;
        IF p_last THEN
          -- New appends go on after the highest imported position.
          PERFORM setval(pg_get_serial_sequence('events', 'position'), (SELECT max(position) FROM events));
          PERFORM set_config('synchronous_commit', 'on', true);
        END IF;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP PROCEDURE import_log_events`);
  }
}
