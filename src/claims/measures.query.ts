import type { NamedRecords } from '../names/named-records.js';

/**
 * Measures are not a registry: a measure exists once a claim (in any version) names it or a sub-measure
 * of it (the range lets the measure's text_pattern_ops index find both). Few distinct measures, so likeness is computed over them without an index of its own.
 */
export const MEASURES: NamedRecords = {
  noun: 'measure',
  from: `(SELECT DISTINCT measure AS id FROM claim_versions) measures`,
  columns: 'id',
  names: `public.fold_name(translate(id, '/-', '  '))`,
  existing: (ids) => `SELECT m AS id FROM unnest(${ids}::text[]) m
              WHERE EXISTS (SELECT FROM claim_versions c
                             WHERE c.measure ~>=~ m AND c.measure ~<~ (m || '0')
                               AND (c.measure = m OR starts_with(c.measure, m || '/')))`,
};
