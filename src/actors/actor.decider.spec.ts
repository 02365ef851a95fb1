import { deciderSpecification } from '../../test/support/decider-specification.js';
import { AlreadyExistsError } from '../common/domain-error.js';
import { actorDecider } from './actor.decider.js';
import type { Actor } from './actor.events.js';

const given = deciderSpecification(actorDecider);
const zelensky: Actor = {
  id: 'volodymyr-zelensky', name: 'Volodymyr Zelensky', kind: 'person', aliases: ['Zelenskyy'],
  roles: [{ title: 'President of Ukraine', from: '2019-05-20' }],
};

describe('registering an actor', () => {
  it('given no actor yet, when registered, then ActorRegistered carries every field', () => {
    given([]).when({ type: 'RegisterActor', actor: zelensky }).then([{ type: 'ActorRegistered', data: zelensky }]);
  });

  it('given the actor is registered, when registered again, then it is refused as existing', () => {
    given([{ type: 'ActorRegistered', data: zelensky }]).when({ type: 'RegisterActor', actor: zelensky }).thenThrows(AlreadyExistsError);
  });
});
