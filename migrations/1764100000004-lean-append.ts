import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The same advisory lock namespaces as append_to_stream, so old and new appends queue behind each other. */
const IDEMPOTENCY_KEY_LOCKS = 0x53_4c_49_4b; // "SLIK"
const STREAM_LOCKS = 0x53_4c_53_54; // "SLST"

/**
 * What both functions return: per event, what the caller cannot know before the insert. The caller
 * already has the rest of a fresh append, so those columns are NULL then; a replay answers with the
 * first append's events, which the caller does not have, so they come in full.
 */
const RESULT = `replayed boolean, "position" bigint, transaction_id xid8, version integer, recorded_at timestamptz,
                stream_id text, event_id uuid, type text, schema_version smallint, data jsonb, metadata jsonb`;

/** The idempotency check of both functions: returns from the function with the first append's events. */
const REPLAY_IF_KEY_KNOWN = `
  IF p_idempotency_key IS NOT NULL THEN
    PERFORM pg_advisory_xact_lock(${IDEMPOTENCY_KEY_LOCKS}, hashtext(p_idempotency_key));
    SELECT * INTO v_key FROM event_idempotency_keys k WHERE k.key = p_idempotency_key;
    IF FOUND THEN
      IF v_key.fingerprint <> p_fingerprint THEN
        RAISE EXCEPTION 'idempotency key % was used for different content', p_idempotency_key
          USING ERRCODE = 'SLIDK';
      END IF;
      RETURN QUERY SELECT true, e.position, e.transaction_id, e.version, e.recorded_at,
                          e.stream_id, e.event_id, e.type, e.schema_version, e.data, e.metadata
        FROM events e
       WHERE e.stream_id = v_key.stream_id AND e.version BETWEEN v_key.first_version AND v_key.last_version
       ORDER BY e.version;
      RETURN;
    END IF;
  END IF;`;

/** The expected-version check of both functions, under the stream's lock; leaves the version in v_current. */
const LOCK_AND_CHECK_VERSION = `
  PERFORM pg_advisory_xact_lock(${STREAM_LOCKS}, hashtext(p_stream_id));
  SELECT coalesce(max(e.version), 0) INTO v_current FROM events e WHERE e.stream_id = p_stream_id;
  -- expected: NULL any, -1 the stream exists, 0 no stream yet, n exactly n events so far
  IF (p_expected_version = -1 AND v_current = 0)
     OR (p_expected_version >= 0 AND p_expected_version <> v_current) THEN
    RAISE EXCEPTION 'stream % is at version %, expected %', p_stream_id, v_current,
                    coalesce(p_expected_version::text, 'any')
      USING ERRCODE = 'SLVER', DETAIL = v_current::text;
  END IF;`;

/**
 * A cheaper append than append_to_stream, with the same locks, checks, errors and idempotency row
 * (see 1764100000000-event-store.ts): it sends back only what the caller lacks instead of every event
 * in full, takes one metadata for the whole append (the store writes the same on each event), and
 * append_event takes one event as plain parameters, the common case, so neither side builds or parses
 * array literals of JSON. append_to_stream stays for callers of the old shape.
 */
export class LeanAppend1764100000004 implements MigrationInterface {
  name = 'LeanAppend1764100000004';

  async up(db: QueryRunner): Promise<void> {
    await db.query(appendFunction('append_event', 'p_event_id uuid, p_type text, p_schema_version smallint, p_data jsonb', `
      INSERT INTO events AS e (stream_id, version, event_id, type, schema_version, data, metadata)
      VALUES (p_stream_id, v_current + 1, p_event_id, p_type, p_schema_version, p_data, p_metadata)`, '1'));
    await db.query(appendFunction('append_events', 'p_event_ids uuid[], p_types text[], p_schema_versions smallint[], p_data jsonb[]', `
      INSERT INTO events AS e (stream_id, version, event_id, type, schema_version, data, metadata)
      SELECT p_stream_id, v_current + b.ord::integer, b.event_id, b.type, b.schema_version, b.data, p_metadata
        FROM unnest(p_event_ids, p_types, p_schema_versions, p_data)
             WITH ORDINALITY AS b(event_id, type, schema_version, data, ord)`, 'coalesce(array_length(p_types, 1), 0)'));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION append_events`);
    await db.query(`DROP FUNCTION append_event`);
  }
}

/**
 * One of the two functions: the same parameters around the events' own, the same checks, and `insert`
 * (which writes the events after version v_current) returning only what the caller lacks.
 */
function appendFunction(name: string, eventParameters: string, insert: string, eventCount: string): string {
  return `
    CREATE FUNCTION ${name}(
      p_stream_id text, p_expected_version integer, ${eventParameters}, p_metadata jsonb,
      p_idempotency_key text, p_fingerprint text)
    RETURNS TABLE (${RESULT})
    LANGUAGE plpgsql AS $$
    #variable_conflict use_column
    DECLARE
      v_current integer;
      v_key event_idempotency_keys%ROWTYPE;
    BEGIN
      ${REPLAY_IF_KEY_KNOWN}
      ${LOCK_AND_CHECK_VERSION}

      RETURN QUERY ${insert}
        RETURNING false, e.position, e.transaction_id, e.version, e.recorded_at,
                  NULL::text, NULL::uuid, NULL::text, NULL::smallint, NULL::jsonb, NULL::jsonb;

      IF p_idempotency_key IS NOT NULL THEN
        INSERT INTO event_idempotency_keys (key, fingerprint, stream_id, first_version, last_version)
        VALUES (p_idempotency_key, p_fingerprint, p_stream_id, v_current + 1, v_current + ${eventCount});
      END IF;
    END $$`;
}
