import { normalizeConditions, sameConditionMeaning, sameConditionText } from './conditions.js';

describe('a correction\'s conditions against the recorded ones (sameConditionText)', () => {
  it('given the same text in another order, padded and repeated, then nothing changed', () => {
    expect(sameConditionText(['if a', 'if b'], [' if b', 'if a', 'if a'])).toBe(true);
  });

  it('given a capital or a space fixed inside a condition, then it is a change worth recording', () => {
    expect(sameConditionText(['if nato agrees'], ['if NATO agrees'])).toBe(false);
    expect(sameConditionText(['if  a'], ['if a'])).toBe(false);
  });

  it('given a condition added or removed, then it is a change', () => {
    expect(sameConditionText(['if a'], ['if a', 'if b'])).toBe(false);
    expect(sameConditionText([], ['if a'])).toBe(false);
  });
});

describe('two statements\' conditions (sameConditionMeaning)', () => {
  it('given the same conditions repeated, re-spaced or in other capitals, then they are the same', () => {
    expect(sameConditionMeaning(['if a', 'If  A', 'if b'], ['if b', 'if a'])).toBe(true);
  });

  it('given one condition worded differently, then they differ', () => {
    expect(sameConditionMeaning(['if a'], ['if a only'])).toBe(false);
    expect(sameConditionMeaning([], ['if a'])).toBe(false);
  });

  it('given no conditions on either side, then they are the same', () => {
    expect(sameConditionMeaning([], [])).toBe(true);
  });
});

describe('the conditions as recorded (normalizeConditions)', () => {
  it('given padded, blank and repeated conditions, then each is kept once, trimmed, in first-seen order', () => {
    expect(normalizeConditions([' b ', 'a', '  ', 'b'])).toEqual(['b', 'a']);
  });
});
