import type { Decider } from '../../src/event-store/decider.js';
import type { DomainEvent } from '../../src/event-store/recorded-event.js';

/** When the n-th given event (version n) was recorded: a minute apart, from 2025-02-05 10:00 UTC. */
export const givenRecordedAt = (version: number): Date => new Date(Date.UTC(2025, 1, 5, 10, version - 1));

type ErrorType = abstract new (...args: never[]) => Error;

/**
 * Given/when/then for a decider, after Emmett's DeciderSpecification: `given([events])` folds the history
 * through `evolve`, `.when(command)` runs `decide` on the result, and `.then([events])` or
 * `.thenThrows(ErrorType)` says what it must do. `.thenState(partial)` checks the folded state itself.
 */
export function deciderSpecification<Command, State, Event extends DomainEvent>(decider: Decider<Command, State, Event>) {
  return (history: readonly Event[] = []) => {
    const state = () => history.reduce(
      (current, event, i) => decider.evolve(current, event, { version: i + 1, recordedAt: givenRecordedAt(i + 1) }), decider.initialState);
    return {
      when(command: Command) {
        const decide = () => decider.decide(command, state());
        return {
          then(expected: readonly Event[]): void {
            expect(decide()).toEqual(expected);
          },
          thenThrows(errorType: ErrorType): void {
            expect(decide).toThrow(errorType as unknown as new () => Error);
          },
        };
      },
      thenState(expected: Partial<State> | Record<string, unknown>): void {
        expect(state()).toMatchObject(expected);
      },
    };
  };
}
