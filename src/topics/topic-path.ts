/**
 * A topic id is its place in the tree: slugs joined by slashes, the parent being the path without its
 * last slug (`ukraine-war/negotiations` is the parent of `ukraine-war/negotiations/direct-talks-with-putin`).
 */
export const MAX_TOPIC_ID_LENGTH = 200;
export const MAX_TOPIC_DEPTH = 10;

// SLUG_PATH with the depth bounded, so a path of a thousand one-letter slugs is refused up front.
export const TOPIC_PATH = new RegExp(`^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*){0,${MAX_TOPIC_DEPTH - 1}}$`);

export const TOPIC_PATH_MESSAGE =
  `must be a slash path of at most ${MAX_TOPIC_DEPTH} slugs (lowercase letters, digits and single hyphens), e.g. ukraine-war/negotiations`;

export function isTopicPath(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_TOPIC_ID_LENGTH && TOPIC_PATH.test(value);
}

/** The parent's id, or null for a root topic. */
export function parentTopicId(id: string): string | null {
  const cut = id.lastIndexOf('/');
  return cut === -1 ? null : id.slice(0, cut);
}
