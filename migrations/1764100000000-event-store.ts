import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Advisory lock namespaces (the first key of the two-key form) for appends; distinct from any other lock. */
const IDEMPOTENCY_KEY_LOCKS = 0x53_4c_49_4b; // "SLIK"
const STREAM_LOCKS = 0x53_4c_53_54; // "SLST"

/**
 * The event log. Positions come from a sequence, which is not transactional: a transaction that takes a
 * lower position can commit after one with a higher position. Readers of the whole log therefore order
 * by (transaction_id, position) and stop below the oldest transaction still running here (see
 * event-log-reader.ts); the index on that pair makes each page an index range scan.
 */
export class EventStore1764100000000 implements MigrationInterface {
  name = 'EventStore1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE events (
        position        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
        stream_id       text        NOT NULL,
        version         integer     NOT NULL CHECK (version >= 1),
        event_id        uuid        NOT NULL DEFAULT gen_random_uuid(),
        type            text        NOT NULL,
        schema_version  smallint    NOT NULL DEFAULT 1,
        data            jsonb       NOT NULL,
        metadata        jsonb       NOT NULL DEFAULT '{}'::jsonb,
        recorded_at     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT events_stream_version_unique UNIQUE (stream_id, version),
        CONSTRAINT events_event_id_unique UNIQUE (event_id)
      )`);
    await db.query(`CREATE INDEX events_transaction_position ON events (transaction_id, position)`);

    // One row per idempotency key ever used: the first append's outcome, so a retry can be answered
    // with it. Written in the append's own transaction, so the key exists if and only if the events do.
    await db.query(`
      CREATE TABLE event_idempotency_keys (
        key           text        PRIMARY KEY,
        fingerprint   text        NOT NULL,
        stream_id     text        NOT NULL,
        first_version integer     NOT NULL,
        last_version  integer     NOT NULL,
        recorded_at   timestamptz NOT NULL DEFAULT now()
      )`);

    // Where each log-driven projection got to, written in the same transaction as its read-model rows.
    await db.query(`
      CREATE TABLE projection_checkpoints (
        projection     text        PRIMARY KEY,
        transaction_id xid8        NOT NULL DEFAULT '0'::xid8,
        position       bigint      NOT NULL DEFAULT 0,
        updated_at     timestamptz NOT NULL DEFAULT now()
      )`);

    // The database itself keeps the log append-only, whatever code or person connects to it.
    await db.query(`
      CREATE FUNCTION refuse_event_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% on % refused: the event log is append-only', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'SLIMM', HINT = 'Record a correction or retraction event instead.';
      END $$`);
    for (const table of ['events', 'event_idempotency_keys']) {
      await db.query(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_log_change()`);
    }

    // Append in one round trip: check the expected version, insert the batch, remember the idempotency
    // key. Appends to one stream, and appends with one idempotency key, queue behind each other on
    // transaction-scoped advisory locks (key first, then stream, so two appends never wait on each other
    // in a cycle). The check then always sees the committed latest version: a lost race is refused with
    // the actual version, a retry with the same key finds the first append's result, and "any" never
    // fails. The unique (stream_id, version) constraint stays as the last line of defence.
    await db.query(`
      CREATE FUNCTION append_to_stream(
        p_stream_id text, p_expected_version integer,
        p_event_ids uuid[], p_types text[], p_schema_versions smallint[], p_data jsonb[], p_metadata jsonb[],
        p_idempotency_key text, p_fingerprint text)
      RETURNS TABLE (replayed boolean, "position" bigint, transaction_id xid8, stream_id text, version integer, event_id uuid,
                     type text, schema_version smallint, data jsonb, metadata jsonb, recorded_at timestamptz)
      LANGUAGE plpgsql AS $$
      #variable_conflict use_column
      DECLARE
        v_current integer;
        v_key event_idempotency_keys%ROWTYPE;
      BEGIN
        IF p_idempotency_key IS NOT NULL THEN
          PERFORM pg_advisory_xact_lock(${IDEMPOTENCY_KEY_LOCKS}, hashtext(p_idempotency_key));
          SELECT * INTO v_key FROM event_idempotency_keys k WHERE k.key = p_idempotency_key;
          IF FOUND THEN
            IF v_key.fingerprint <> p_fingerprint THEN
              RAISE EXCEPTION 'idempotency key % was used for different content', p_idempotency_key
                USING ERRCODE = 'SLIDK';
            END IF;
            RETURN QUERY SELECT true, e.position, e.transaction_id, e.stream_id, e.version, e.event_id, e.type,
                                e.schema_version, e.data, e.metadata, e.recorded_at
              FROM events e
             WHERE e.stream_id = v_key.stream_id AND e.version BETWEEN v_key.first_version AND v_key.last_version
             ORDER BY e.version;
            RETURN;
          END IF;
        END IF;

        PERFORM pg_advisory_xact_lock(${STREAM_LOCKS}, hashtext(p_stream_id));
        SELECT coalesce(max(e.version), 0) INTO v_current FROM events e WHERE e.stream_id = p_stream_id;
        -- expected: NULL any, -1 the stream exists, 0 no stream yet, n exactly n events so far
        IF (p_expected_version = -1 AND v_current = 0)
           OR (p_expected_version >= 0 AND p_expected_version <> v_current) THEN
          RAISE EXCEPTION 'stream % is at version %, expected %', p_stream_id, v_current,
                          coalesce(p_expected_version::text, 'any')
            USING ERRCODE = 'SLVER', DETAIL = v_current::text;
        END IF;

        RETURN QUERY
          INSERT INTO events AS e (stream_id, version, event_id, type, schema_version, data, metadata)
          SELECT p_stream_id, v_current + b.ord::integer, b.event_id, b.type, b.schema_version, b.data, b.metadata
            FROM unnest(p_event_ids, p_types, p_schema_versions, p_data, p_metadata)
                 WITH ORDINALITY AS b(event_id, type, schema_version, data, metadata, ord)
          RETURNING false, e.position, e.transaction_id, e.stream_id, e.version, e.event_id, e.type, e.schema_version,
                    e.data, e.metadata, e.recorded_at;

        IF p_idempotency_key IS NOT NULL THEN
          INSERT INTO event_idempotency_keys (key, fingerprint, stream_id, first_version, last_version)
          VALUES (p_idempotency_key, p_fingerprint, p_stream_id, v_current + 1,
                  v_current + coalesce(array_length(p_types, 1), 0));
        END IF;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION append_to_stream`);
    await db.query(`DROP TABLE projection_checkpoints`);
    await db.query(`DROP TABLE event_idempotency_keys`);
    await db.query(`DROP TABLE events`);
    await db.query(`DROP FUNCTION refuse_event_log_change`);
  }
}
