import { AlreadyExistsError } from '../common/domain-error.js';
import type { Decider } from '../event-store/decider.js';
import type { Actor, ActorEvent } from './actor.events.js';

export interface RegisterActor { type: 'RegisterActor'; actor: Actor }
export type ActorState = { registered: false } | { registered: true; actor: Actor; recordedAt: Date };

export const actorDecider: Decider<RegisterActor, ActorState, ActorEvent> = {
  initialState: { registered: false },
  decide(command, state) {
    if (state.registered) throw new AlreadyExistsError(`Actor ${command.actor.id} is already registered`);
    return [{ type: 'ActorRegistered', data: command.actor }];
  },
  evolve(_state, event, { recordedAt }) {
    return { registered: true, actor: event.data, recordedAt };
  },
};
