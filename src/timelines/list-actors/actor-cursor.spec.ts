import { decodeActorCursor, encodeActorCursor } from './actor-cursor.js';

describe('the actor list cursor', () => {
  it('given a cursor the service made, when decoded, then it gives back the last id of the page', () => {
    expect(decodeActorCursor(encodeActorCursor('volodymyr-zelensky'))).toBe('volodymyr-zelensky');
  });

  it('given anything else, when decoded, then it is refused', () => {
    for (const cursor of ['', 'not base64 json', Buffer.from('{"after":"Not A Slug"}').toString('base64url'), Buffer.from('[1]').toString('base64url')]) {
      expect(decodeActorCursor(cursor)).toBeUndefined();
    }
  });
});
