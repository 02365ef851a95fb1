import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { DomainError } from '../common/domain-error.js';
import { UnknownNameError } from '../names/unknown-name.error.js';

/** Exit code of a report that names an actor or topic nobody recorded (2 is a usage error). */
const UNKNOWN_NAME_EXIT = 3;
import { parseReportArguments, REPORT_USAGE } from '../stance-changes/report/report-arguments.js';
import { StanceChangesReport } from '../stance-changes/report/stance-changes.report.js';
import { runCli } from './cli-context.js';

// npm run -s report -- --actor volodymyr-zelensky --format markdown > report.md (or --output report.md)
const parsed = parseReportArguments(process.argv.slice(2));
if (!parsed.ok) {
  process.stderr.write(parsed.problems.map((p) => `stanceline report: ${p}\n`).join('') + REPORT_USAGE);
  process.exit(2);
}

// stdout carries the document and nothing else. pino writes through process.stdout once its write has
// been replaced (it checks for that), so every log line, at any level, lands on stderr instead.
const writeDocument = process.stdout.write.bind(process.stdout);
process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;

await runCli('report', async (app) => {
  try {
    const document = await app.get(StanceChangesReport).document(parsed.request, parsed.format);
    if (parsed.output !== undefined) await writeFile(parsed.output, document.body);
    else await new Promise<void>((resolve, reject) => writeDocument(document.body, (error) => (error ? reject(error) : resolve())));
    if (document.capped) process.stderr.write('stanceline report: capped: more changes match than the report holds; narrow the filters\n');
    return 0;
  } catch (error) {
    // An unknown actor or topic: its own exit code, so a script can tell "no such name" from a usage error.
    if (error instanceof UnknownNameError) {
      process.stderr.write(`stanceline report: ${error.message}\n`);
      return UNKNOWN_NAME_EXIT;
    }
    // A refused filter (e.g. --to before --from) is a usage error, not a failure of the service.
    if (!(error instanceof DomainError) || error.status >= 500) throw error;
    process.stderr.write(`stanceline report: ${error.message}\n${REPORT_USAGE}`);
    return 2;
  }
});
