import { compareCheckpoints } from './log-order.js';

describe('the safe global order of the log', () => {
  it('given two events of one transaction, when compared, then the lower position comes first', () => {
    expect(compareCheckpoints({ transactionId: '7', position: 3 }, { transactionId: '7', position: 4 })).toBeLessThan(0);
    expect(compareCheckpoints({ transactionId: '7', position: 4 }, { transactionId: '7', position: 4 })).toBe(0);
  });

  it('given an older transaction that took a higher position, when compared, then the transaction decides', () => {
    expect(compareCheckpoints({ transactionId: '8', position: 2 }, { transactionId: '7', position: 90 })).toBeGreaterThan(0);
  });

  it('given transaction ids of different lengths, when compared, then they compare as numbers, not as text', () => {
    expect(compareCheckpoints({ transactionId: '10000', position: 1 }, { transactionId: '9999', position: 2 })).toBeGreaterThan(0);
  });

  it('given transaction ids beyond 2^53, when compared, then no precision is lost', () => {
    expect(compareCheckpoints({ transactionId: '9007199254740993', position: 1 }, { transactionId: '9007199254740992', position: 1 })).toBeGreaterThan(0);
  });
});
