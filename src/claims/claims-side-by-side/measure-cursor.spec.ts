import { InvalidInputError } from '../../common/domain-error.js';
import { decodeMeasureCursor, encodeMeasureCursor } from './measure-cursor.js';

describe('the side-by-side page cursor', () => {
  it('given a measure, when encoded and decoded, then it is the same measure', () => {
    expect(decodeMeasureCursor(encodeMeasureCursor('casualties/ukraine/military/killed'))).toBe('casualties/ukraine/military/killed');
  });

  it.each(['', 'not-base64!', Buffer.from('{"after":"Bad Path"}').toString('base64url'), Buffer.from('null').toString('base64url')])(
    'given the forged cursor %j, then it is refused naming cursor', (cursor) => {
      expect(() => decodeMeasureCursor(cursor)).toThrow(InvalidInputError);
    });
});
