import { AlreadyExistsError } from '../common/domain-error.js';
import { actorDecider } from './actor.decider.js';
import type { Actor } from './actor.events.js';

const zelensky: Actor = {
  id: 'volodymyr-zelensky', name: 'Volodymyr Zelensky', kind: 'person', aliases: ['Zelenskyy'],
  roles: [{ title: 'President of Ukraine', from: '2019-05-20' }],
};

describe('registering an actor', () => {
  it('given no actor yet, when registered, then ActorRegistered carries every field', () => {
    expect(actorDecider.decide({ type: 'RegisterActor', actor: zelensky }, actorDecider.initialState))
      .toEqual([{ type: 'ActorRegistered', data: zelensky }]);
  });

  it('given the actor is registered, when registered again, then it is refused as existing', () => {
    const state = actorDecider.evolve(actorDecider.initialState, { type: 'ActorRegistered', data: zelensky }, { version: 1, recordedAt: new Date() });
    expect(() => actorDecider.decide({ type: 'RegisterActor', actor: zelensky }, state)).toThrow(AlreadyExistsError);
  });
});
