import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/domain-error.js';
import { fold, type Decider } from './decider.js';
import { WrongExpectedVersionError } from './event-store.errors.js';
import { EventStore, type AppendCondition } from './event-store.js';
import type { DomainEvent, EventMetadata, RecordedEvent } from './recorded-event.js';

/** The `If-Match` version a client sent is not the stream's version any more. */
export class PreconditionFailedError extends DomainError {
  readonly code = 'precondition-failed';
  readonly status = 412;
  readonly title = 'Precondition failed';
}

export interface CommandOptions {
  /** From `If-Match`: the version the client last saw; a mismatch is 412, never a silent overwrite. */
  expectedVersion?: number;
  idempotencyKey?: string;
  fingerprint?: string;
  metadata?: EventMetadata;
  /** What must hold for the write, outside its stream: checked with the append (see AppendCondition), before any decision is acted on. */
  condition?: AppendCondition;
}

export interface CommandResult<State, Event extends DomainEvent> {
  readonly streamId: string;
  readonly state: State;
  readonly version: number;
  readonly events: RecordedEvent<Event>[];
  readonly replayed: boolean;
}

const RACE_RETRIES = 3;

/**
 * Load, decide, append with the expected version: the whole write path of every stream. A retry of an
 * idempotent request is answered from the first outcome before the rules run again (a retried
 * retraction must not be refused because the first one succeeded).
 */
@Injectable()
export class StreamCommands {
  constructor(private readonly store: EventStore) {}

  async handle<Command, State, Event extends DomainEvent>(
    streamId: string, decider: Decider<Command, State, Event>, command: Command, options: CommandOptions = {},
  ): Promise<CommandResult<State, Event>> {
    if (options.idempotencyKey) {
      const earlier = await this.store.findIdempotentAppend(options.idempotencyKey, options.fingerprint);
      if (earlier) return this.outcome(earlier.streamId, decider, earlier.lastVersion, true);
    }
    try {
      return await this.decideAndAppend(streamId, decider, command, options);
    } catch (error) {
      // The same request under the same key, sent twice at once (a client retrying through another
      // instance), can commit between the lookup above and this one's decision, which then refuses what
      // it did ("already exists", 412). The key says it is the same request: answer the first outcome.
      const earlier = options.idempotencyKey ? await this.store.findIdempotentAppend(options.idempotencyKey, options.fingerprint) : undefined;
      if (earlier) return this.outcome(earlier.streamId, decider, earlier.lastVersion, true);
      throw error;
    }
  }

  /**
   * A command that creates its stream: decided on the empty state and appended with `no_stream`, without
   * reading the stream first (one round trip fewer for every new record). Should the stream exist after
   * all, or the rules refuse on the empty state, `handle` reads and decides again, so the answer is the
   * same as if it had gone that way from the start: "already exists", or an idempotent retry's first outcome.
   * The condition is checked before anything else: in the append's statement, or alone before `handle`.
   */
  async create<Command, State, Event extends DomainEvent>(
    streamId: string, decider: Decider<Command, State, Event>, command: Command, options: CommandOptions = {},
  ): Promise<CommandResult<State, Event>> {
    // The long way, with the condition checked first as it would be before the append, and once: it
    // cannot turn false (see AppendCondition), so the append that follows need not check it again.
    const handleChecked = async () => {
      if (!options.condition) return this.handle(streamId, decider, command, options);
      await this.store.check(options.condition);
      return this.handle(streamId, decider, command, { ...options, condition: undefined });
    };
    if (options.expectedVersion !== undefined) return handleChecked();
    let events: Event[];
    try {
      events = decider.decide(command, decider.initialState);
    } catch {
      return handleChecked();
    }
    try {
      const appended = await this.store.append(streamId, events, {
        expectedVersion: 'no_stream', idempotencyKey: options.idempotencyKey, fingerprint: options.fingerprint, metadata: options.metadata,
        condition: options.condition,
      });
      if (appended.replayed) return this.outcome(appended.streamId, decider, appended.version, true);
      return { streamId, state: fold(decider, appended.events), version: appended.version, events: appended.events, replayed: false };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) return this.handle(streamId, decider, command, options);
      throw error;
    }
  }

  private async decideAndAppend<Command, State, Event extends DomainEvent>(
    streamId: string, decider: Decider<Command, State, Event>, command: Command, options: CommandOptions,
  ): Promise<CommandResult<State, Event>> {
    for (let attempt = 1; ; attempt++) {
      const history = await this.store.readStream<Event>(streamId);
      const state = fold(decider, history);
      const version = history.length;
      if (options.expectedVersion !== undefined && options.expectedVersion !== version) {
        throw new PreconditionFailedError(`${streamId} is at version ${version}, not ${options.expectedVersion}`);
      }
      const events = decider.decide(command, state);
      try {
        const appended = await this.store.append(streamId, events, {
          expectedVersion: version === 0 ? 'no_stream' : version,
          idempotencyKey: options.idempotencyKey,
          fingerprint: options.fingerprint,
          metadata: options.metadata,
          condition: options.condition,
        });
        if (appended.replayed) return this.outcome(appended.streamId, decider, appended.version, true);
        return { streamId, state: fold(decider, appended.events, state), version: appended.version, events: appended.events, replayed: false };
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        if (options.expectedVersion !== undefined) throw new PreconditionFailedError(`${streamId} changed since version ${options.expectedVersion}`);
        // Someone else wrote first: decide again on the new state (it may now refuse, e.g. "already exists").
        if (attempt >= RACE_RETRIES) throw error;
      }
    }
  }

  /** The stream's state as of `version`: what the first request of an idempotent retry answered. */
  private async outcome<Command, State, Event extends DomainEvent>(
    streamId: string, decider: Decider<Command, State, Event>, version: number, replayed: boolean,
  ): Promise<CommandResult<State, Event>> {
    const events = await this.store.readStream<Event>(streamId, { toVersion: version });
    return { streamId, state: fold(decider, events), version, events, replayed };
  }
}
