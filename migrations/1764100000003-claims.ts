import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The claims read model, bitemporal: one row per version of a claim, valid in system time over
 * [recorded_from, recorded_to). A correction closes the current row and opens the next; a retraction
 * closes the last. Rows are never deleted, so "as our records stood at K" stays answerable.
 */
export class Claims1764100000003 implements MigrationInterface {
  name = 'Claims1764100000003';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE claim_versions (
        claim_id       text             NOT NULL,
        version        integer          NOT NULL,
        actor_id       text             NOT NULL,
        measure        text             NOT NULL,
        value          jsonb            NOT NULL,
        low            double precision NOT NULL,
        high           double precision NOT NULL,
        qualifier      text             NOT NULL,
        unit           text             NOT NULL,
        refers_to      text,
        stated_at      text             NOT NULL,
        source_id      text             NOT NULL,
        quote          text,
        corrections    integer          NOT NULL,
        correction_reason text,
        recorded_from  timestamptz      NOT NULL,
        recorded_to    timestamptz,
        closed_by      text,
        closing_reason text,
        PRIMARY KEY (claim_id, version),
        CONSTRAINT claim_versions_ordered_range CHECK (low <= high),
        CONSTRAINT claim_versions_closed_by_known CHECK (closed_by IN ('ClaimCorrected', 'ClaimRetracted'))
      )`);
    // At most one current version per claim: the projection's invariant, guarded by the database.
    await db.query(`CREATE UNIQUE INDEX claim_versions_one_current ON claim_versions (claim_id) WHERE recorded_to IS NULL`);
    // "Under a measure" is a prefix match; text_pattern_ops lets LIKE 'a/b/%' use the index. The partial
    // index serves reads of the present, the full one reads as of a past time.
    await db.query(`CREATE INDEX claim_versions_current_measure ON claim_versions (measure text_pattern_ops) WHERE recorded_to IS NULL`);
    await db.query(`CREATE INDEX claim_versions_measure_as_of ON claim_versions (measure text_pattern_ops, recorded_from, recorded_to)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE claim_versions`);
  }
}
