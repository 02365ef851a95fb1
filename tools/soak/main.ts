import { parseSoakArguments, SOAK_USAGE } from './args.js';
import { runSoak } from './run.js';

// npm run soak [-- --quick | --duration 3m ...]: a bounded load test of the built service on this
// machine; prints progress and figures, exits 0 when every check held, 1 when one did not.
const parsed = parseSoakArguments(process.argv.slice(2), process.env);
if (!parsed.ok) {
  process.stderr.write(`stanceline soak: ${parsed.problem}\n${SOAK_USAGE}`);
  process.exit(2);
}
const print = (line: string) => process.stdout.write(`${line}\n`);
// Ctrl-C ends the load early; the checks and the clean-up (service, scratch database) still run.
const interrupt = new AbortController();
process.once('SIGINT', () => {
  print('interrupted: stopping the load, then checking and cleaning up');
  interrupt.abort();
});
try {
  const report = await runSoak(parsed.options, print, interrupt.signal);
  process.exitCode = report.ok ? 0 : 1;
} catch (error) {
  process.stderr.write(`stanceline soak: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
}
