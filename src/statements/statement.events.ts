import type { DomainEvent } from '../event-store/recorded-event.js';

export const STANCES = ['strongly_oppose', 'oppose', 'neutral', 'support', 'strongly_support'] as const;
export type Stance = (typeof STANCES)[number];
export const STANCE_SCORE: Record<Stance, number> = { strongly_oppose: -2, oppose: -1, neutral: 0, support: 1, strongly_support: 2 };

export const FORMS = ['direct_quote', 'paraphrase', 'reported', 'official_act'] as const;
export type Form = (typeof FORMS)[number];

/** A stated position: who, on which topic, which stance under which conditions, when, in what words, where. */
export interface StatementFields {
  actorId: string;
  topicId: string;
  stance: Stance;
  /** The "if"s that qualify the stance; compared as a set. */
  conditions: string[];
  /** The editor's neutral words for what was said. */
  summary: string;
  /** Verbatim words, where there are any; null for a paraphrase without quotation. */
  quote: string | null;
  form: Form;
  /** When it was said: `2025-02-04`, `2025-02` or `2022`. */
  statedAt: string;
  /** The occasion it was said at (the interview, the decree). */
  sourceId: string;
  /** The publication through which the editor knows it (the article reporting the interview); null when known first-hand. */
  reportedIn: string | null;
  /** Where in the source or publication (`00:41:10`, `paragraph 7`); null when not given. */
  locator: string | null;
}

export const RETRACTION_REASONS_EXAMPLES = ['misattributed', 'duplicate', 'withdrawn by the source'];

export type StatementRecorded = DomainEvent<'StatementRecorded', StatementFields & { id: string }>;
/** Only the changed fields; the rest stand as they were. */
export type StatementCorrected = DomainEvent<'StatementCorrected', { id: string; changes: Partial<StatementFields>; reason: string }>;
export type StatementRetracted = DomainEvent<'StatementRetracted', { id: string; reason: string }>;
export type StatementEvent = StatementRecorded | StatementCorrected | StatementRetracted;

export const statementStream = (id: string) => `statement-${id}`;
