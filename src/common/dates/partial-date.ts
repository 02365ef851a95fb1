/**
 * A date of saying as ISO 8601 gives it: a day (`2025-02-04`), a month (`2025-02`) or a year (`2022`).
 * The precision is part of the data: a statement dated `2022` happened at some unknown point of that
 * year, which is not the same as 2022-01-01.
 */
export type DatePrecision = 'day' | 'month' | 'year';

export interface PartialDate {
  readonly text: string;
  readonly precision: DatePrecision;
  /** First day the date may mean, `YYYY-MM-DD`. */
  readonly start: string;
  /** Last day the date may mean, `YYYY-MM-DD`. */
  readonly end: string;
}

export const PARTIAL_DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function parsePartialDate(text: string): PartialDate | undefined {
  const match = PARTIAL_DATE_PATTERN.exec(text);
  if (!match) return undefined;
  const [, y, m, d] = match;
  const year = Number(y);
  if (year < 1) return undefined;
  if (m === undefined) return { text, precision: 'year', start: `${y}-01-01`, end: `${y}-12-31` };
  const month = Number(m);
  if (month < 1 || month > 12) return undefined;
  const lastDay = daysInMonth(year, month);
  if (d === undefined) return { text, precision: 'month', start: `${y}-${m}-01`, end: `${y}-${m}-${pad(lastDay)}` };
  const day = Number(d);
  if (day < 1 || day > lastDay) return undefined;
  return { text, precision: 'day', start: text, end: text };
}

export function isPartialDate(text: unknown): text is string {
  return typeof text === 'string' && parsePartialDate(text) !== undefined;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
