import type { Decider } from '../event-store/decider.js';
import type { DomainEvent } from '../event-store/recorded-event.js';
import type { ReferencesToCheck } from './references.js';

/**
 * A write that creates one stream, worked out from a validated request before anything is read: the
 * stream, its rules and the command for them, and what the write names that must already exist. The HTTP
 * handlers carry out one plan per request; the importer checks and appends hundreds in one transaction.
 */
export interface CreatePlan<Command = unknown, State = unknown, Event extends DomainEvent = DomainEvent> {
  readonly streamId: string;
  readonly decider: Decider<Command, State, Event>;
  readonly command: Command;
  readonly references: ReferencesToCheck;
}
