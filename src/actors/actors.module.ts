import { Module, type OnModuleInit } from '@nestjs/common';
import { ProjectionRegistry } from '../event-store/inline-projections/projection-registry.js';
import { ActorsProjection } from './actors.projection.js';
import { GetActorController } from './get-actor/get-actor.http.controller.js';
import { ListActorsController } from './list-actors/list-actors.http.controller.js';
import { RegisterActorHandler } from './register-actor/register-actor.handler.js';
import { RegisterActorController } from './register-actor/register-actor.http.controller.js';

@Module({
  controllers: [RegisterActorController, ListActorsController, GetActorController],
  providers: [RegisterActorHandler, ActorsProjection],
})
export class ActorsModule implements OnModuleInit {
  constructor(private readonly registry: ProjectionRegistry, private readonly projection: ActorsProjection) {}

  onModuleInit(): void {
    this.registry.register(this.projection);
  }
}
