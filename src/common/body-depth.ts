/**
 * How deep a request body may nest. The deepest body the API takes is a few levels; class-transformer
 * walks bodies recursively, so a 256kb body of `[[[[...]]]]` would otherwise exhaust the stack (a 500).
 * The JSON body parser (json-body.ts) refuses deeper bodies.
 */
export const MAX_BODY_DEPTH = 32;

/** Whether a parsed JSON value nests more than `limit` levels; iterative, so any depth is safe to ask about. */
export function exceedsDepth(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= limit) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}
