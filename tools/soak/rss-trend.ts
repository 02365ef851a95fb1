export interface Sample {
  /** Seconds since the run started. */
  readonly at: number;
  readonly mib: number;
}

/** Least-squares slope of the samples, in MiB per minute; 0 with fewer than two samples. */
export function slopePerMinute(samples: readonly Sample[]): number {
  if (samples.length < 2) return 0;
  const n = samples.length;
  const meanT = samples.reduce((s, x) => s + x.at, 0) / n;
  const meanM = samples.reduce((s, x) => s + x.mib, 0) / n;
  let num = 0;
  let den = 0;
  for (const { at, mib } of samples) {
    num += (at - meanT) * (mib - meanM);
    den += (at - meanT) ** 2;
  }
  return den === 0 ? 0 : (num / den) * 60;
}

/** The trend that matters: the second half, after start-up allocation and JIT warm-up have settled. */
export function secondHalf(samples: readonly Sample[]): Sample[] {
  if (samples.length === 0) return [];
  const mid = samples[samples.length - 1].at / 2;
  return samples.filter((s) => s.at >= mid);
}
