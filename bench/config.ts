/** What one run measures and for how long; `--quick` keeps the code working in CI in under 2 minutes. */
export interface BenchConfig {
  readonly quick: boolean;
  readonly serverUrl: string;
  /** Statements in the large history (the "1M" of the targets) and in the small one (the "10k"). */
  readonly largeStatements: number;
  readonly smallStatements: number;
  readonly repetitions: number;
  /** Seconds each side of a throughput or latency comparison runs, per repetition. */
  readonly appendSeconds: number;
  readonly httpSeconds: number;
  readonly readSeconds: number;
  readonly growthSeconds: number;
  readonly importLines: number;
  /** Where to write the results table (Markdown) and every measured value (JSON), besides stdout. */
  readonly out?: string;
  /** When set, every service runs under `node --cpu-prof` and leaves its profile here (figures then include the profiler's cost). */
  readonly profileDir?: string;
}

/** The node options that make a child process write a CPU profile into `dir` on exit (none without a dir). */
export function profileFlags(dir: string | undefined, name?: string): string[] {
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`, ...name ? [`--cpu-prof-name=${name}.cpuprofile`] : []] : [];
}

/** The node options that make a child process write a CPU profile named `name` on exit, if profiling. */
export function profileArgs(config: BenchConfig, name: string): string[] {
  return profileFlags(config.profileDir, name);
}

const USAGE = `usage: npm run bench -- [--quick] [--statements N] [--repetitions N] [--out FILE.md] [--profile DIR]
  needs DATABASE_URL (a PostgreSQL server; the benchmark creates and drops its own bench_* databases there)`;

export function parseConfig(argv: readonly string[], env: NodeJS.ProcessEnv): BenchConfig {
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}\n${USAGE}`);
    const [name, inline] = arg.slice(2).split('=', 2);
    if (name === 'quick' || name === 'help') flags.set(name, true);
    else if (inline !== undefined) flags.set(name, inline);
    else if (i + 1 < argv.length) flags.set(name, argv[++i]);
    else throw new Error(`--${name} needs a value\n${USAGE}`);
  }
  if (flags.has('help')) throw new Error(USAGE);
  const known = new Set(['quick', 'statements', 'repetitions', 'out', 'profile']);
  for (const name of flags.keys()) if (!known.has(name)) throw new Error(`unknown option --${name}\n${USAGE}`);
  if (!env.DATABASE_URL) throw new Error(`DATABASE_URL is not set\n${USAGE}`);

  const quick = flags.get('quick') === true;
  const number = (name: string, fallback: number, min: number) => {
    const value = flags.get(name);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min}`);
    return n;
  };
  const out = flags.get('out');
  return {
    quick,
    serverUrl: env.DATABASE_URL,
    largeStatements: number('statements', quick ? 5_000 : 1_000_000, 5_000),
    smallStatements: quick ? 2_000 : 10_000,
    repetitions: number('repetitions', 3, 3),
    // --quick only keeps the code working: a third of a second a side still gives a hundred samples and
    // more. The full run's reads take 5 s a side (thousands of samples at 16 connections, over a thousand
    // at one), which keeps it within 30 minutes on this 2-core machine.
    appendSeconds: quick ? 0.5 : 4,
    httpSeconds: quick ? 0.3 : 6,
    readSeconds: quick ? 0.3 : 5,
    growthSeconds: quick ? 0.3 : 4,
    // A bulk file: large enough that the command's start-up (about a second) is not most of what is measured.
    importLines: quick ? 100 : 20_000,
    out: typeof out === 'string' ? out : undefined,
    profileDir: typeof flags.get('profile') === 'string' ? flags.get('profile') as string : undefined,
  };
}
