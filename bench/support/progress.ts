/** Progress lines on stderr (stdout carries only the result table), each with the time since the start. */
const started = performance.now();

export function progress(message: string): void {
  const seconds = ((performance.now() - started) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[bench ${seconds}s] ${message}\n`);
}

export function elapsedSeconds(): number {
  return (performance.now() - started) / 1000;
}

const phases: { name: string; seconds: number }[] = [];

/** Runs one phase of the run and keeps how long it took: where a run's minutes go, for whoever has to cut them. */
export async function phase<T>(name: string, run: () => Promise<T>): Promise<T> {
  const phaseStarted = performance.now();
  try {
    return await run();
  } finally {
    const seconds = (performance.now() - phaseStarted) / 1000;
    phases.push({ name, seconds });
    progress(`${name}: ${seconds.toFixed(1)} s`);
  }
}

/** The phases so far and their durations, as a phrase for the notes. */
export function phaseTimes(): string {
  return phases.map((p) => `${p.name} ${p.seconds.toFixed(1)} s`).join(', ');
}
