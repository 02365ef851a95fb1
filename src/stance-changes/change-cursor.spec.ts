import { InvalidInputError } from '../common/domain-error.js';
import { ChangeCursorCodec, type ChangePosition } from './change-cursor.js';

const codec = new ChangeCursorCodec(Buffer.alloc(32, 7));
const position: ChangePosition = {
  query: 'q1',
  pin: { knownAt: new Date('2025-02-05T10:00:00.000Z'), snapshot: '100:105:101,103', position: 0x3000000n },
  after: {
    actorId: 'volodymyr-zelensky', topicId: 'ukraine-war/negotiations/direct-talks-with-putin',
    statedStart: '2025-02-04', statedEnd: '2025-02-04', firstPosition: '42',
  },
};

describe('the stance-change page cursor', () => {
  it('given a position, when encoded and decoded for the same query, then it is the same position', () => {
    expect(codec.decode(codec.encode(position), 'q1')).toEqual(position);
  });

  it('given a cursor of another query, when decoded, then it is refused naming cursor', () => {
    expect(() => codec.decode(codec.encode(position), 'q2')).toThrow(InvalidInputError);
  });

  it('given a cursor whose payload was altered, when decoded, then it is refused naming cursor', () => {
    const [payload, signature] = codec.encode(position).split('.');
    const altered = JSON.parse(Buffer.from(payload, 'base64url').toString());
    altered.p = '1';
    const forged = `${Buffer.from(JSON.stringify(altered)).toString('base64url')}.${signature}`;
    expect(() => codec.decode(forged, 'q1')).toThrow(expect.objectContaining({ errors: [expect.objectContaining({ field: 'cursor' })] }));
  });

  it('given a cursor signed with another secret, when decoded, then it is refused', () => {
    expect(() => new ChangeCursorCodec(Buffer.alloc(32, 8)).decode(codec.encode(position), 'q1')).toThrow(InvalidInputError);
  });

  it.each(['', 'abc', 'a.b.c', '.', 'x'.repeat(9000)])('given the forged cursor %j, then it is refused', (cursor) => {
    expect(() => codec.decode(cursor, 'q1')).toThrow(InvalidInputError);
  });
});
