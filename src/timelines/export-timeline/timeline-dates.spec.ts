import { timelineJsSpan, visSpan } from './timeline-dates.js';

describe('partial dates on timelines', () => {
  it('given a statement dated 2022, when put on TimelineJS, then it spans the year and reads "2022"', () => {
    expect(timelineJsSpan('2022')).toEqual({ start_date: { year: 2022 }, end_date: { year: 2022, month: 12, day: 31 }, display_date: '2022' });
  });

  it('given a statement dated February 2024, when put on TimelineJS, then it spans the month, leap day included', () => {
    expect(timelineJsSpan('2024-02')).toEqual({
      start_date: { year: 2024, month: 2 }, end_date: { year: 2024, month: 2, day: 29 }, display_date: 'February 2024',
    });
  });

  it('given a statement of a known day, when put on TimelineJS, then it is one date with no end', () => {
    expect(timelineJsSpan('2025-02-04')).toEqual({ start_date: { year: 2025, month: 2, day: 4 } });
  });

  it('given a statement dated 2022, when put on vis-timeline, then it is a range ending where 2023 begins', () => {
    expect(visSpan('2022')).toEqual({ start: '2022-01-01', end: '2023-01-01', type: 'range' });
  });

  it('given a statement dated December 2024, when put on vis-timeline, then the range ends at the turn of the year', () => {
    expect(visSpan('2024-12')).toEqual({ start: '2024-12-01', end: '2025-01-01', type: 'range' });
  });

  it('given a statement of a known day, when put on vis-timeline, then it is a point', () => {
    expect(visSpan('2025-02-04')).toEqual({ start: '2025-02-04', type: 'point' });
  });
});
