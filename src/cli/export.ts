import 'reflect-metadata';
import { once } from 'node:events';
import { createWriteStream, existsSync } from 'node:fs';
import { EventLogTransfer } from '../event-store/log-transfer.js';
import { CliError, EXIT, runCli } from './cli-context.js';
import { startProgress } from './progress.js';

// npm run export -- FILE.ndjson: the whole event log, exactly as stored, in log order (README: "Moving
// the data"). Refuses to overwrite a file.
const USAGE = 'usage: npm run export -- FILE.ndjson\n';
const [file, ...rest] = process.argv.slice(2);
if (!file || rest.length > 0 || file.startsWith('-')) {
  process.stderr.write(USAGE);
  process.exit(EXIT.usage);
}
if (existsSync(file)) {
  process.stderr.write(`stanceline export: ${file} exists; choose a new file name\n`);
  process.exit(EXIT.usage);
}

await runCli('export', async (app) => {
  const out = createWriteStream(file, { flags: 'wx' });
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  let written = 0;
  let progress: ReturnType<typeof startProgress> | undefined;
  try {
    for await (const { lines, total } of app.get(EventLogTransfer).exportLines()) {
      progress ??= startProgress('export', 'events', total);
      if (!out.write(`${lines.join('\n')}\n`)) await Promise.race([once(out, 'drain'), failed]);
      written += lines.length;
      progress.update(written);
    }
    out.end();
    await Promise.race([once(out, 'finish'), failed]);
  } catch (error) {
    out.destroy();
    throw new CliError(`writing ${file}: ${(error as Error).message}`);
  } finally {
    progress?.stop();
  }
  process.stdout.write(`exported ${written} events to ${file}\n`);
});
