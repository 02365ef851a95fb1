import { DomainError } from '../common/domain-error.js';
import { UnknownReferencesError } from './statement.errors.js';

/**
 * Runs reference checks together and reports every unknown one in a single 422 (naming each field),
 * rather than making the client fix them one round trip at a time.
 */
export async function requireAll(checks: Promise<void>[]): Promise<void> {
  const outcomes = await Promise.allSettled(checks);
  const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
  if (failures.length === 0) return;
  const unexpected = failures.find((f) => !(f instanceof DomainError) || f.status !== 422);
  if (unexpected !== undefined) throw unexpected;
  const errors = (failures as DomainError[]).flatMap((f) => f.errors ?? []);
  if (failures.length === 1) throw failures[0];
  throw new UnknownReferencesError(errors.map((e) => e.message).join('; '), errors);
}
