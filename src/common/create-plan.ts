import { Injectable } from '@nestjs/common';
import { StreamCommands, type CommandOptions, type CommandResult } from '../event-store/stream-commands.js';
import type { Decider } from '../event-store/decider.js';
import type { DomainEvent } from '../event-store/recorded-event.js';
import { References, type ReferencesToCheck } from './references.js';

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

/** Carries out a plan as a request does: what it names checked, then its stream created. */
@Injectable()
export class PlannedCreations {
  constructor(private readonly commands: StreamCommands, private readonly references: References) {}

  async carryOut<Command, State, Event extends DomainEvent>(
    plan: CreatePlan<Command, State, Event>, options: CommandOptions,
  ): Promise<CommandResult<State, Event>> {
    // What the plan names is checked with the append itself (registry records are never removed, so a
    // check that passed still holds): one round trip for the whole write, and nothing written on a 422.
    return this.commands.create(plan.streamId, plan.decider, plan.command, { ...options, condition: this.references.condition(plan.references) });
  }
}
