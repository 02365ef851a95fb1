/** The soak's command line: `npm run soak -- [--quick] [--duration 3m] [--workers 8] [--sse 3] [--database-url URL]`. */
export interface SoakOptions {
  readonly durationS: number;
  readonly workers: number;
  readonly sseClients: number;
  readonly sampleEveryS: number;
  /** The PostgreSQL server (on loopback) the soak creates its scratch database on. */
  readonly serverUrl: string;
  /** Above this RSS slope over the second half (MiB per minute) the run fails; judged on runs of a minute or more. */
  readonly maxRssSlope: number;
}

export const SOAK_USAGE = `usage: npm run soak -- [--quick] [--duration 180s|3m] [--workers 8] [--sse 3] [--sample-every 5]
                     [--max-rss-slope 3] [--database-url postgres://postgres@127.0.0.1:5432/test]
  --quick   a 20 s run with fewer workers (what the test suite runs)
`;

const DEFAULT_SERVER = 'postgres://postgres@127.0.0.1:5432/test';

export function parseSoakArguments(argv: readonly string[], env: NodeJS.ProcessEnv = {}): { ok: true; options: SoakOptions } | { ok: false; problem: string } {
  const quick = argv.includes('--quick');
  const options = {
    durationS: quick ? 20 : 180,
    workers: quick ? 4 : 8,
    sseClients: quick ? 2 : 3,
    sampleEveryS: quick ? 2 : 5,
    serverUrl: env.TEST_DATABASE_URL ?? env.DATABASE_URL ?? DEFAULT_SERVER,
    maxRssSlope: 3,
  };
  const numeric: Record<string, [keyof typeof options, (text: string) => number]> = {
    '--duration': ['durationS', seconds],
    '--workers': ['workers', Number],
    '--sse': ['sseClients', Number],
    '--sample-every': ['sampleEveryS', Number],
    '--max-rss-slope': ['maxRssSlope', Number],
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--quick') continue;
    const value = argv[i + 1];
    if (value === undefined) return { ok: false, problem: `${flag} needs a value` };
    i++;
    if (flag === '--database-url') {
      options.serverUrl = value;
      continue;
    }
    const known = numeric[flag];
    if (!known) return { ok: false, problem: `unknown option ${flag}` };
    const parsed = known[1](value);
    if (!Number.isFinite(parsed) || parsed < 0 || (known[0] !== 'sseClients' && parsed === 0)) return { ok: false, problem: `${flag} ${value} is not a positive number` };
    (options as Record<string, unknown>)[known[0]] = parsed;
  }
  if (options.durationS > 3_600) return { ok: false, problem: 'the soak is bounded: --duration is at most 1h' };
  if (options.workers > 64) return { ok: false, problem: '--workers is at most 64' };
  return { ok: true, options };
}

/** `90`, `90s`, `3m` as seconds. */
function seconds(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(s|m)?$/.exec(text);
  if (!m) return NaN;
  return Number(m[1]) * (m[2] === 'm' ? 60 : 1);
}
