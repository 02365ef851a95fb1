/**
 * A statement's conditions are a set of "if"s. Two questions compare two lists of them, and they have
 * different answers on purpose:
 * - sameConditionText: is this correction a change? The text as recorded matters: fixing a typo or a
 *   capital is a correction worth recording. Order and repeats carry no meaning.
 * - sameConditionMeaning: do these two statements state the same conditions? Capitals, spacing and
 *   Unicode form carry no meaning either, so the change report does not call a re-typed condition a change.
 */

/** The list as recorded: trimmed, blank ones dropped, duplicates dropped (first kept). */
export function normalizeConditions(conditions: readonly string[]): string[] {
  return [...new Set(conditions.map((c) => c.trim()).filter((c) => c !== ''))];
}

/** The decider's question: the same text once trimmed, in any order. */
export function sameConditionText(a: readonly string[], b: readonly string[]): boolean {
  return sameSet(normalizeConditions(a), normalizeConditions(b));
}

/** The change classifier's question: the same conditions whatever their capitals, spacing or order. */
export function sameConditionMeaning(a: readonly string[], b: readonly string[]): boolean {
  return sameSet(a.map(meaningKey), b.map(meaningKey));
}

function meaningKey(condition: string): string {
  return condition.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((condition) => right.has(condition));
}
