import { secondHalf, slopePerMinute } from './rss-trend.js';

describe('RSS trend', () => {
  it('given samples growing 1 MiB every 6 s, when fitted, then the slope is 10 MiB per minute', () => {
    const samples = Array.from({ length: 10 }, (_, i) => ({ at: i * 6, mib: 100 + i }));
    expect(slopePerMinute(samples)).toBeCloseTo(10);
  });

  it('given a sawtooth around a flat level, when fitted, then the slope is about zero', () => {
    const samples = Array.from({ length: 40 }, (_, i) => ({ at: i * 3, mib: 120 + (i % 2 === 0 ? 4 : -4) }));
    expect(Math.abs(slopePerMinute(samples))).toBeLessThan(0.5);
  });

  it('given fewer than two samples, then there is no trend', () => {
    expect(slopePerMinute([])).toBe(0);
    expect(slopePerMinute([{ at: 1, mib: 5 }])).toBe(0);
  });

  it('given a run of 100 s, when halved, then the samples from 50 s on remain', () => {
    const samples = Array.from({ length: 11 }, (_, i) => ({ at: i * 10, mib: i }));
    expect(secondHalf(samples).map((s) => s.at)).toEqual([50, 60, 70, 80, 90, 100]);
  });
});
