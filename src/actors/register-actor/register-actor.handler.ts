import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PlannedCreations, type CreatePlan } from '../../common/create-plan.js';
import { InvalidInputError } from '../../common/domain-error.js';
import { parsePartialDate } from '../../common/dates/partial-date.js';
import { actorDecider, type ActorState, type RegisterActor } from '../actor.decider.js';
import { actorStream, type Actor, type ActorEvent } from '../actor.events.js';
import type { RegisterActorRequest } from './register-actor.request.dto.js';
import { RegisterActorCommand } from './register-actor.command.js';

@CommandHandler(RegisterActorCommand)
export class RegisterActorHandler implements ICommandHandler<RegisterActorCommand> {
  constructor(private readonly creations: PlannedCreations) {}

  async execute({ request, options }: RegisterActorCommand) {
    const { state } = await this.creations.carryOut(planRegisterActor(request), options);
    if (!state.registered) throw new Error('actor stream empty after registering');
    return { actor: state.actor, recordedAt: state.recordedAt };
  }
}

export function planRegisterActor(request: RegisterActorRequest): CreatePlan<RegisterActor, ActorState, ActorEvent> {
  const roles = (request.roles ?? []).map(({ title, from, to }) => (to === undefined ? { title, from } : { title, from, to }));
  roles.forEach((role, i) => {
    if (role.to !== undefined && parsePartialDate(role.to)!.end < parsePartialDate(role.from)!.start) {
      throw new InvalidInputError(`roles[${i}].to`, 'a role cannot end before it starts');
    }
  });
  const actor: Actor = { id: request.id, name: request.name, kind: request.kind, aliases: request.aliases ?? [], roles };
  return { streamId: actorStream(actor.id), decider: actorDecider, command: { type: 'RegisterActor', actor }, references: {} };
}
