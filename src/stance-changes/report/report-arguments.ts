import { parseArgs } from 'node:util';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '../../common/validation.js';
import { CHANGE_KINDS } from '../classify-change.js';
import { REPORT_FORMATS, StanceChangesRequest } from './stance-changes.request.dto.js';

export const REPORT_USAGE = `usage: npm run -s report -- [--actor ID]... [--topic PATH] [--from DATE] [--to DATE]
                            [--kind KIND[,KIND]]... [--known-at TIMESTAMP] [--format markdown|csv|json] [--output FILE]

Writes the stance-change report for the configured database to stdout, or to FILE (logs go to stderr).
Redirecting stdout? Pass -s to npm, which otherwise prints its own "> stanceline report" lines there first.
  --actor      an actor id; repeat for several (default: all actors)
  --topic      a topic id; its subtopics are included (default: all topics)
  --from/--to  the later statement of a change may have been made in [from, to] (2022, 2025-02, 2025-02-04)
  --kind       ${CHANGE_KINDS.join(', ')}
  --known-at   the records as they stood at this instant, e.g. 2025-02-05T10:00:00Z (default: now)
  --format     ${REPORT_FORMATS.join(', ')} (default: markdown); json is {items, capped}
  --output     write the report to this file instead of stdout
`;

export type ParsedArguments =
  | { ok: true; request: StanceChangesRequest; format: 'markdown' | 'csv' | 'json'; output?: string }
  | { ok: false; problems: string[] };

/**
 * The command line, read and checked with the same rules as GET /v1/stance-changes, so a filter the
 * API refuses is refused here too, naming the option.
 */
export function parseReportArguments(argv: readonly string[]): ParsedArguments {
  let values: Record<string, string | string[] | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        actor: { type: 'string', multiple: true },
        topic: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        kind: { type: 'string', multiple: true },
        'known-at': { type: 'string' },
        format: { type: 'string' },
        output: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return { ok: false, problems: [(error as Error).message] };
  }
  if (values.help) return { ok: false, problems: [] };
  const { 'known-at': knownAt, help: _help, output, ...rest } = values;
  if (output === '') return { ok: false, problems: ['--output: must name a file'] };
  const request = plainToInstance(StanceChangesRequest, { ...rest, knownAt });
  const problems = flattenValidationErrors(validateSync(request, { whitelist: true, forbidNonWhitelisted: true }))
    .map(({ field, message }) => `--${field === 'knownAt' ? 'known-at' : field}: ${message}`);
  if (problems.length > 0) return { ok: false, problems };
  const format = request.format ?? 'markdown';
  delete request.format;
  return { ok: true, request, format, ...(typeof output === 'string' ? { output } : {}) };
}
