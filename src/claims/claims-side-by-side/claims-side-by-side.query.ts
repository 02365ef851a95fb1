import { Injectable } from '@nestjs/common';
import { ReadRouter } from '../../database/read-routing/read-router.js';
import type { MeasureGroup, SideBySideClaim } from '../claim.view.js';

export interface SideBySideFilter {
  /** A measure path; its sub-measures are included. */
  measure?: string;
  actors?: string[];
  /** Only claims whose measure, quote or locator match these words (full-text search, as on statements). */
  text?: string;
  /** Only claims reported in this source (their `reportedIn`). */
  reportedIn?: string;
  /** Answer as the records stood then; the present when absent. */
  knownAt?: Date;
  /** Only measures after this one (cursor order). */
  after?: string;
  /** Measures (groups) per page. */
  limit: number;
}


/**
 * Claims grouped by measure, each actor's figure beside the others'. Ranges stay ranges: a figure's low
 * and high are returned as stated, never averaged into one number. One statement, so a page is one
 * consistent snapshot even while claims are written.
 */
@Injectable()
export class ClaimsSideBySideQuery {
  constructor(private readonly reads: ReadRouter) {}

  async run(filter: SideBySideFilter): Promise<{ groups: MeasureGroup[]; more: boolean }> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    if (filter.knownAt === undefined) where.push('v.recorded_to IS NULL');
    else {
      const k = param(filter.knownAt);
      where.push(`v.recorded_from <= ${k}`, `(v.recorded_to IS NULL OR v.recorded_to > ${k})`);
    }
    if (filter.measure !== undefined) {
      // Only a recorded measure gets here (an unknown one is a 404), so it is a slash path of slugs: no LIKE wildcards.
      where.push(`(v.measure = ${param(filter.measure)} OR v.measure LIKE ${param(`${filter.measure}/%`)})`);
    }
    if (filter.text !== undefined) where.push(`v.document @@ websearch_to_tsquery('pg_catalog.english', ${param(filter.text)})`);
    if (filter.reportedIn !== undefined) where.push(`v.reported_in = ${param(filter.reportedIn)}`);
    if (filter.actors !== undefined) where.push(`v.actor_id = ANY(${param(filter.actors)}::text[])`);
    if (filter.after !== undefined) where.push(`v.measure COLLATE "C" > ${param(filter.after)}`);
    const limit = param(filter.limit + 1);

    const rows: (SideBySideClaim & { measure: string })[] = await this.reads.query(`
      WITH visible AS (SELECT v.* FROM claim_versions v WHERE ${where.join(' AND ')}),
           page AS (SELECT measure FROM visible GROUP BY measure ORDER BY measure COLLATE "C" LIMIT ${limit})
      SELECT v.measure, v.claim_id AS id, v.actor_id AS "actorId", a.name AS "actorName", v.value, v.low, v.high, v.qualifier,
             v.unit, v.refers_to AS "refersTo", v.stated_at AS "statedAt", v.source_id AS "sourceId", v.quote,
             v.reported_in AS "reportedIn", v.locator,
             v.recorded_from AS "recordedAt", v.version, v.corrections
        FROM visible v JOIN page USING (measure) LEFT JOIN actors a ON a.id = v.actor_id
       ORDER BY v.measure COLLATE "C", v.stated_at COLLATE "C", v.actor_id COLLATE "C", v.claim_id COLLATE "C"`, params);

    const groups: MeasureGroup[] = [];
    for (const { measure, ...claim } of rows) {
      if (groups.at(-1)?.measure !== measure) groups.push({ measure, claims: [] });
      groups.at(-1)!.claims.push(claim);
    }
    const more = groups.length > filter.limit;
    return { groups: more ? groups.slice(0, filter.limit) : groups, more };
  }
}
