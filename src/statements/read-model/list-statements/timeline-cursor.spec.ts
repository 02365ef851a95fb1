import { InvalidInputError } from '../../../common/domain-error.js';
import { queryDigest } from '../../../common/cursors/signed-cursor.js';
import { TimelineCursorCodec, type TimelinePosition } from './timeline-cursor.js';

const codec = new TimelineCursorCodec(Buffer.alloc(32, 7));
const query = queryDigest({ actors: ['volodymyr-zelensky'], topic: 'ukraine-war' });
const position: TimelinePosition = {
  query, pin: { knownAt: new Date('2025-02-05T10:00:00.123Z'), snapshot: '1200:1210:1201,1205', position: 0x16b374d848n },
  statedStart: '2022-01-01', firstPosition: '42',
};

function fieldOf(error: unknown): string | undefined {
  expect(error).toBeInstanceOf(InvalidInputError);
  return (error as InvalidInputError).errors?.[0]?.field;
}

function refusal(cursor: string, expected = query): unknown {
  try {
    codec.decode(cursor, expected);
  } catch (error) {
    return error;
  }
  throw new Error('expected the cursor to be refused');
}

describe('timeline cursors', () => {
  it('given a cursor this service made, when decoded for the same query, then it gives back the position and the pinned view', () => {
    expect(codec.decode(codec.encode(position), query)).toEqual(position);
  });

  it('given a cursor made before cursors carried a WAL position, then it still decodes, with no position (its pages go to the primary)', () => {
    const { position: _, ...pin } = position.pin;
    expect(codec.decode(codec.encode({ ...position, pin }), query).pin.position).toBeUndefined();
  });

  it('given the same filters in another order, then the query digest is the same', () => {
    expect(queryDigest({ topic: 'ukraine-war', actors: ['volodymyr-zelensky'] })).toBe(query);
    expect(queryDigest({ topic: 'ukraine-war/negotiations', actors: ['volodymyr-zelensky'] })).not.toBe(query);
  });

  it('given a cursor whose payload was altered, then it is refused naming cursor', () => {
    const [payload, signature] = codec.encode(position).split('.');
    const altered = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), p: '1' })).toString('base64url');
    expect(fieldOf(refusal(`${altered}.${signature}`))).toBe('cursor');
  });

  it('given a cursor signed with another key, then it is refused', () => {
    const foreign = new TimelineCursorCodec(Buffer.alloc(32, 8)).encode(position);
    expect(fieldOf(refusal(foreign))).toBe('cursor');
  });

  it.each(['', '.', 'abc', 'abc.def', 'a.b.c', '%%%.***', 'x'.repeat(9000)])('given the garbage cursor %j, then it is refused', (cursor) => {
    expect(fieldOf(refusal(cursor))).toBe('cursor');
  });

  it('given a valid cursor sent with other filters, then it is refused: it continues another query', () => {
    const error = refusal(codec.encode(position), queryDigest({ actors: ['donald-trump'] }));
    expect(fieldOf(error)).toBe('cursor');
    expect((error as Error).message).toMatch(/this query/);
  });
});
