import type { ChangeEvidence, StanceChange } from '../stance-change.view.js';
import { toCsv, type Cell } from './csv.js';

const EVIDENCE_COLUMNS = [
  'Id', 'StatedAt', 'Stance', 'StanceScore', 'Conditions', 'Summary', 'Quote', 'Form', 'SourceId', 'SourceTitle', 'SourcePublisher', 'SourceUrl',
  'ReportedIn', 'ReportedInTitle', 'ReportedInUrl', 'Locator',
] as const;

export const CSV_HEADER = [
  'actorId', 'actorName', 'topicId', 'topicTitle', 'kind', 'flipOMeter', 'scoreDelta', 'orderUncertain',
  ...EVIDENCE_COLUMNS.map((c) => `from${c}`), ...EVIDENCE_COLUMNS.map((c) => `to${c}`),
];

// Conditions are a set in one cell; "; " reads well in a spreadsheet and rarely occurs inside a condition.
const CONDITION_SEPARATOR = '; ';

/** One header row, then one row per change: both statements side by side, flat, for a spreadsheet. */
export function stanceChangesCsv(changes: readonly StanceChange[]): string {
  return toCsv(CSV_HEADER, changes.map((c) => [
    c.actorId, c.actorName, c.topicId, c.topicTitle, c.kind, c.flipOMeter, c.scoreDelta, c.orderUncertain,
    ...evidenceCells(c.from), ...evidenceCells(c.to),
  ]));
}

function evidenceCells(e: ChangeEvidence): Cell[] {
  return [e.id, e.statedAt, e.stance, e.stanceScore, e.conditions.join(CONDITION_SEPARATOR), e.summary, e.quote, e.form,
    e.sourceId, e.sourceTitle, e.sourcePublisher, e.sourceUrl, e.reportedIn, e.reportedInTitle, e.reportedInUrl, e.locator];
}
