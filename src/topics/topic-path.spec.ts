import { isTopicPath, parentTopicId } from './topic-path.js';

describe('topic paths', () => {
  it('given a root topic, when asked for its parent, then there is none', () => {
    expect(parentTopicId('ukraine-war')).toBeNull();
  });

  it('given a subtopic, when asked for its parent, then it is the path without the last slug', () => {
    expect(parentTopicId('ukraine-war/negotiations/direct-talks-with-putin')).toBe('ukraine-war/negotiations');
  });

  it('given slash paths of slugs up to ten levels, then they are topic paths', () => {
    expect(isTopicPath('ukraine-war/negotiations')).toBe(true);
    expect(isTopicPath(Array.from({ length: 10 }, (_, i) => `l${i}`).join('/'))).toBe(true);
  });

  it('given anything else, then it is not a topic path', () => {
    for (const bad of ['', 'Ukraine', 'a//b', '/a', 'a/', 'a--b', 'a_b', 'a/b c', 'a/\u0000', 42, null, ['a']]) {
      expect(isTopicPath(bad)).toBe(false);
    }
    expect(isTopicPath(Array.from({ length: 11 }, (_, i) => `l${i}`).join('/'))).toBe(false);
    expect(isTopicPath('a'.repeat(201))).toBe(false);
  });
});
