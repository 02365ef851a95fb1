import { exceedsDepth } from './body-depth.js';

function nested(depth: number, asArray: boolean): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
}

describe('body depth', () => {
  it('given a body within the limit, then it does not exceed it', () => {
    expect(exceedsDepth(nested(3, false), 3)).toBe(false);
    expect(exceedsDepth({ changes: { conditions: ['if it is the only path to peace'] } }, 3)).toBe(false);
    expect(exceedsDepth('just a string', 0)).toBe(false);
  });

  it('given a body one level past the limit, then it exceeds it', () => {
    expect(exceedsDepth(nested(4, false), 3)).toBe(true);
    expect(exceedsDepth({ ok: 1, roles: [{ title: 'x' }, [[['deep']]]] }, 3)).toBe(true);
  });

  it('given a body nested a hundred thousand levels, then the check answers without exhausting the stack', () => {
    expect(exceedsDepth(nested(100_000, true), 32)).toBe(true);
  });
});
