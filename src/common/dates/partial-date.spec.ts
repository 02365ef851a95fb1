import { parsePartialDate } from './partial-date.js';

describe('partial dates of saying', () => {
  it.each([
    ['2025-02-04', 'day', '2025-02-04', '2025-02-04'],
    ['2025-02', 'month', '2025-02-01', '2025-02-28'],
    ['2024-02', 'month', '2024-02-01', '2024-02-29'],
    ['2022', 'year', '2022-01-01', '2022-12-31'],
  ])('%s has %s precision and spans %s..%s', (text, precision, start, end) => {
    expect(parsePartialDate(text)).toEqual({ text, precision, start, end });
  });

  it.each(['2023-02-30', '2024-13', '2024-00', '2025-02-00', '2023-2-3', '20220', '2022-01-01T00:00:00Z', '0000', ''])(
    'refuses %p, which is not a calendar date', (text) => {
      expect(parsePartialDate(text)).toBeUndefined();
    });
});
