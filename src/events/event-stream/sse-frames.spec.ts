import { bookmarkFrame, commentFrame, eventFrame } from './sse-frames.js';

describe('server-sent event frames', () => {
  it('given a log event, when framed, then id is its position, event its type, and a blank line ends it', () => {
    expect(eventFrame(42, 'StatementRecorded', '{"a":1}')).toBe('id: 42\nevent: StatementRecorded\ndata: {"a":1}\n\n');
  });

  it('given data with line breaks, when framed, then each line is its own data field and nothing else is smuggled in', () => {
    expect(eventFrame(1, 'T', 'one\r\nid: 999\ntwo')).toBe('id: 1\nevent: T\ndata: one\ndata: id: 999\ndata: two\n\n');
  });

  it('given a type with a line break, when framed, then it stays one field', () => {
    expect(eventFrame(1, 'Bad\ndata: x', '{}')).toBe('id: 1\nevent: Bad data: x\ndata: {}\n\n');
  });

  it('given a start position, when bookmarked, then the frame carries the id and the retry delay but no data', () => {
    expect(bookmarkFrame(7, 2000)).toBe('retry: 2000\nid: 7\n\n');
  });

  it('given a heartbeat, when framed, then it is a comment line', () => {
    expect(commentFrame('heartbeat')).toBe(': heartbeat\n\n');
  });
});
