import { parseTimestamp } from './known-at.js';

describe('reading a knownAt timestamp', () => {
  it('given a UTC timestamp, then it is that instant', () => {
    expect(parseTimestamp('2025-02-05T10:00:00Z')?.toISOString()).toBe('2025-02-05T10:00:00.000Z');
  });

  it('given an offset and microseconds, then it is the same instant in UTC, to the millisecond', () => {
    expect(parseTimestamp('2025-02-05T11:00:00.123456+01:00')?.toISOString()).toBe('2025-02-05T10:00:00.123Z');
  });

  it.each(['2025-02-05', '2025-02-05T10:00:00', '2025-02-30T10:00:00Z', '2025-02-05T24:00:00Z', '2025-13-01T00:00:00Z',
    '2025-02-05T10:00:60Z', '2025-02-05 10:00:00Z', 'now', '', '2025-02-05T10:00:00+25:00'])(
    'given %j, then it is not a timestamp', (text) => {
      expect(parseTimestamp(text)).toBeUndefined();
    });
});
