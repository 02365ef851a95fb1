import type { ClaimFields, ClaimValue } from './claim.events.js';

/** The largest magnitude a figure may have: far beyond any count the service tracks, still exact in a double. */
export const VALUE_LIMIT = 1e15;

/** The bounds of a figure; an exact one is a range of width zero. Ranges are never averaged. */
export function valueBounds(value: ClaimValue): { low: number; high: number } {
  return 'exact' in value ? { low: value.exact, high: value.exact } : { low: value.low, high: value.high };
}

export function isRange(value: ClaimValue): value is { low: number; high: number } {
  return !('exact' in value);
}

/** Field by field equality of two claims' fields, the value compared by shape and numbers. */
export function sameField<K extends keyof ClaimFields>(key: K, a: ClaimFields[K], b: ClaimFields[K]): boolean {
  if (key !== 'value') return a === b;
  const [x, y] = [a as ClaimValue, b as ClaimValue];
  if (isRange(x) !== isRange(y)) return false;
  const [bx, by] = [valueBounds(x), valueBounds(y)];
  return bx.low === by.low && bx.high === by.high;
}

/** The claim with a correction's changes laid over it; fields the correction leaves out stand as they were. */
export function withChanges<F extends ClaimFields>(fields: F, changes: Partial<ClaimFields>): F {
  const merged = { ...fields };
  for (const key of Object.keys(changes) as (keyof ClaimFields)[]) {
    if (changes[key] !== undefined) (merged as Record<string, unknown>)[key] = changes[key];
  }
  return merged;
}

/** Only the changes that differ from the claim as it stands. */
export function effectiveChanges(fields: ClaimFields, changes: Partial<ClaimFields>): Partial<ClaimFields> {
  const effective: Partial<ClaimFields> = {};
  for (const key of Object.keys(changes) as (keyof ClaimFields)[]) {
    const next = changes[key];
    if (next !== undefined && !sameField(key, fields[key], next)) (effective as Record<string, unknown>)[key] = next;
  }
  return effective;
}

/** Copies a value to its canonical shape, so stray properties never reach an event. */
export function canonicalValue(value: ClaimValue): ClaimValue {
  return isRange(value) ? { low: value.low, high: value.high } : { exact: value.exact };
}
