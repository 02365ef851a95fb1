import { AlreadyExistsError, InvalidInputError, NotFoundError, NothingToCorrectError } from '../common/domain-error.js';
import type { Decider } from '../event-store/decider.js';
import { ClaimRetractedError } from './claim.errors.js';
import { effectiveChanges, valueBounds, withChanges } from './claim-value.js';
import type { ClaimEvent, ClaimFields, ClaimValue } from './claim.events.js';

export type Claim = ClaimFields & { id: string };

export interface StateClaim { type: 'StateClaim'; claim: Claim }
export interface CorrectClaim { type: 'CorrectClaim'; id: string; changes: Partial<ClaimFields>; reason: string }
export interface RetractClaim { type: 'RetractClaim'; id: string; reason: string }
export type ClaimCommand = StateClaim | CorrectClaim | RetractClaim;

/** Where the stream stands; `recordedAt` is when its latest event (the current version) was recorded. */
export type ClaimState =
  | { status: 'none' }
  | { status: 'stated'; claim: Claim; version: number; recordedAt: Date; corrections: number }
  | { status: 'retracted'; claim: Claim; version: number; recordedAt: Date; corrections: number; reason: string };

export const claimDecider: Decider<ClaimCommand, ClaimState, ClaimEvent> = {
  initialState: { status: 'none' },

  decide(command, state) {
    switch (command.type) {
      case 'StateClaim': {
        if (state.status !== 'none') throw new AlreadyExistsError(`Claim ${command.claim.id} exists already`);
        requireOrderedRange(command.claim.value, 'value.low');
        return [{ type: 'ClaimStated', data: command.claim }];
      }
      case 'CorrectClaim': {
        const current = requireLive(state, command.id);
        const changes = effectiveChanges(current.claim, command.changes);
        if (Object.keys(changes).length === 0) {
          throw new NothingToCorrectError(`The changes do not differ from claim ${command.id} as it stands`);
        }
        requireOrderedRange(withChanges(current.claim, changes).value, 'changes.value.low');
        return [{ type: 'ClaimCorrected', data: { id: command.id, changes, reason: command.reason } }];
      }
      case 'RetractClaim': {
        requireLive(state, command.id);
        return [{ type: 'ClaimRetracted', data: { id: command.id, reason: command.reason } }];
      }
    }
  },

  evolve(state, event, { version, recordedAt }) {
    switch (event.type) {
      case 'ClaimStated':
        return { status: 'stated', claim: event.data, version, recordedAt, corrections: 0 };
      case 'ClaimCorrected':
        if (state.status !== 'stated') return state;
        return { ...state, claim: withChanges(state.claim, event.data.changes), version, recordedAt, corrections: state.corrections + 1 };
      case 'ClaimRetracted':
        if (state.status !== 'stated') return state;
        return { ...state, status: 'retracted', version, recordedAt, reason: event.data.reason };
    }
  },
};

function requireLive(state: ClaimState, id: string) {
  if (state.status === 'none') throw new NotFoundError(`No claim ${id}`);
  if (state.status === 'retracted') throw new ClaimRetractedError(`Claim ${id} was retracted (${state.reason}); it cannot change any more`);
  return state;
}

// The DTO checks this too; the rule lives here so no path into the stream can skip it.
function requireOrderedRange(value: ClaimValue, field: string): void {
  const { low, high } = valueBounds(value);
  if (low > high) throw new InvalidInputError(field, `the low end (${low}) is above the high end (${high})`);
}
