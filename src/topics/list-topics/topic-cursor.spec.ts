import { decodeTopicCursor, encodeTopicCursor } from './topic-cursor.js';

describe('the topic list cursor', () => {
  it('given a cursor handed out after a topic, when decoded, then it gives that topic id back', () => {
    expect(decodeTopicCursor(encodeTopicCursor('ukraine-war/negotiations'))).toBe('ukraine-war/negotiations');
  });

  it('given a cursor the service never handed out, when decoded, then it is refused', () => {
    for (const bad of ['', 'not-base64!', Buffer.from('{"after":"Bad Id"}').toString('base64url'), Buffer.from('[1]').toString('base64url')]) {
      expect(decodeTopicCursor(bad)).toBeUndefined();
    }
  });
});
