import type { DomainEvent } from '../event-store/recorded-event.js';

export const QUALIFIERS = ['exact', 'approx', 'at_least', 'at_most'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/** A figure as stated: one number, or a range kept as a range. */
export type ClaimValue = { exact: number } | { low: number; high: number };

/** A figure an actor states about a measure (`casualties/ukraine/military/killed`). */
export interface ClaimFields {
  actorId: string;
  measure: string;
  value: ClaimValue;
  qualifier: Qualifier;
  unit: string;
  /** The date the figure refers to, when it differs from or sharpens statedAt. */
  refersTo: string | null;
  statedAt: string;
  /** The occasion the figure was given at, or the publication itself when it names none. */
  sourceId: string;
  quote: string | null;
  /** The publication through which the figure is known, when sourceId is the original occasion. */
  reportedIn: string | null;
  /** Where in the source or publication (`00:41:10`, `paragraph 7`). */
  locator: string | null;
}

export type ClaimStated = DomainEvent<'ClaimStated', ClaimFields & { id: string }>;
export type ClaimCorrected = DomainEvent<'ClaimCorrected', { id: string; changes: Partial<ClaimFields>; reason: string }>;
export type ClaimRetracted = DomainEvent<'ClaimRetracted', { id: string; reason: string }>;
export type ClaimEvent = ClaimStated | ClaimCorrected | ClaimRetracted;

export const claimStream = (id: string) => `claim-${id}`;
