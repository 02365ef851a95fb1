import type { DomainEvent, RecordedEvent } from './recorded-event.js';

/** Where an event stands in its stream and when the log took it; what `evolve` may need beyond the data. */
export interface EventEnvelope {
  readonly version: number;
  readonly recordedAt: Date;
}

/**
 * A stream's business rules as two pure functions: `decide` turns a command and the current state into
 * new events (or throws a DomainError), `evolve` folds one event into the state.
 */
export interface Decider<Command, State, Event extends DomainEvent> {
  readonly initialState: State;
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event, envelope: EventEnvelope): State;
}

export function fold<State, Event extends DomainEvent>(
  decider: Pick<Decider<never, State, Event>, 'initialState' | 'evolve'>,
  events: readonly RecordedEvent<Event>[],
  from: State = decider.initialState,
): State {
  return events.reduce(
    (state, e) => decider.evolve(state, { type: e.type, data: e.data } as Event, { version: e.version, recordedAt: e.recordedAt }),
    from,
  );
}
