import 'reflect-metadata';
import { NdjsonImporter } from '../import/ndjson-importer.js';
import { runCli } from './cli-context.js';

// npm run import -- FILE [FILE...]: load NDJSON records (README: "Import format").
const files = process.argv.slice(2);
if (files.length === 0) {
  process.stderr.write('usage: npm run import -- FILE.ndjson [FILE.ndjson ...]\n');
  process.exit(2);
}
await runCli(async (app) => {
  const importer = app.get(NdjsonImporter);
  let failed = 0;
  for (const file of files) failed += (await importer.importFile(file)).failed.length;
  return failed > 0 ? 1 : 0;
});
