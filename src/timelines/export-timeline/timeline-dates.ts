import { parsePartialDate, type PartialDate } from '../../common/dates/partial-date.js';

/** A TimelineJS 3 date object: year always, month and day only as far as they are known. */
export interface TimelineJsDate {
  year: number;
  month?: number;
  day?: number;
}

export interface TimelineJsSpan {
  start_date: TimelineJsDate;
  /** Only for partial dates: the last day the date may mean, so the slide spans the whole period. */
  end_date?: TimelineJsDate;
  /** How the date reads: `2022`, `February 2025`; absent for a day, which TimelineJS formats itself. */
  display_date?: string;
}

export interface VisSpan {
  start: string;
  /** Exclusive: the day after the period's last day, so a `2022` range covers all of 2022 and no more. */
  end?: string;
  type: 'point' | 'range';
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function periodOf(statedAt: string): PartialDate {
  const period = parsePartialDate(statedAt);
  if (!period) throw new Error(`statedAt ${JSON.stringify(statedAt)} is not a partial date`);
  return period;
}

function dateObject(day: string): TimelineJsDate {
  const [year, month, date] = day.split('-').map(Number);
  return { year, month, day: date };
}

/** A statement dated `2022` spans 2022 on a TimelineJS timeline; only a day is a single date. */
export function timelineJsSpan(statedAt: string): TimelineJsSpan {
  const period = periodOf(statedAt);
  if (period.precision === 'day') return { start_date: dateObject(period.start) };
  const { year, month } = dateObject(period.start);
  return {
    start_date: period.precision === 'year' ? { year } : { year, month },
    end_date: dateObject(period.end),
    display_date: period.precision === 'year' ? String(year) : `${MONTHS[month! - 1]} ${year}`,
  };
}

/** On vis-timeline a partial date is a range over its whole period; only a day is a point. */
export function visSpan(statedAt: string): VisSpan {
  const period = periodOf(statedAt);
  if (period.precision === 'day') return { start: period.start, type: 'point' };
  return { start: period.start, end: dayAfter(period.end), type: 'range' };
}

function dayAfter(day: string): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}
