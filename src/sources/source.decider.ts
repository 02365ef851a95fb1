import { AlreadyExistsError } from '../common/domain-error.js';
import type { Decider } from '../event-store/decider.js';
import type { Source, SourceEvent } from './source.events.js';

export interface RegisterSource { type: 'RegisterSource'; source: Source }
export type SourceState = { registered: false } | { registered: true; source: Source; recordedAt: Date };

export const sourceDecider: Decider<RegisterSource, SourceState, SourceEvent> = {
  initialState: { registered: false },
  decide(command, state) {
    if (state.registered) throw new AlreadyExistsError(`Source ${command.source.id} is already registered`);
    return [{ type: 'SourceRegistered', data: command.source }];
  },
  evolve(_state, event, { recordedAt }) {
    return { registered: true, source: event.data, recordedAt };
  },
};
