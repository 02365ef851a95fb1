import { spread, type Spread } from './support/stats.js';

/** A target on the ratio Stanceline / raw (or 1M / 10k): at least, or at most, this much. */
export interface Target {
  readonly text: string;
  readonly met: (ratio: number) => boolean;
}

export const atLeast = (x: number): Target => ({ text: `>= ${x}`, met: (r) => r >= x });
export const atMost = (x: number, unit = 'x'): Target => ({ text: `<= ${x}${unit}`, met: (r) => r <= x });

/** One line of the results table: both sides over the repetitions, and the ratio of each repetition's pair. */
export interface Row {
  readonly what: string;
  readonly unit: string;
  readonly stanceline: Spread;
  readonly raw?: Spread;
  readonly ratio?: Spread;
  readonly target?: Target;
  /** For absolute targets (memory): whether the median meets it. */
  readonly metAbsolute?: boolean;
}

/** A row from paired repetitions: stanceline[i] and raw[i] were measured next to each other. */
export function pairedRow(what: string, unit: string, stanceline: number[], raw: number[], target?: Target): Row {
  const ratios = stanceline.map((s, i) => s / raw[i]);
  return { what, unit, stanceline: spread(stanceline), raw: spread(raw), ratio: spread(ratios), target };
}

const fmt = (x: number): string =>
  !Number.isFinite(x) ? 'n/a' : Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en') : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2);
const cell = (s: Spread | undefined, unit = ''): string => (s ? `${fmt(s.median)}${unit} (${fmt(s.min)}–${fmt(s.max)})` : '');

export function markdownTable(rows: readonly Row[]): string {
  const lines = [
    '| what | Stanceline, median (min–max) | raw / baseline, median (min–max) | ratio, median (min–max) | target | met |',
    '|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    const met = row.metAbsolute !== undefined ? row.metAbsolute : row.target && row.ratio ? row.target.met(row.ratio.median) : undefined;
    lines.push(`| ${row.what} | ${cell(row.stanceline, ' ' + row.unit)} | ${cell(row.raw, row.raw ? ' ' + row.unit : '')} | ${cell(row.ratio)} | ${row.target?.text ?? ''} | ${met === undefined ? '' : met ? 'yes' : '**no**'} |`);
  }
  return lines.join('\n');
}
