import { Module, type OnModuleInit } from '@nestjs/common';
import { ProjectionRegistry } from '../event-store/inline-projections/projection-registry.js';
import { ListSourcesController } from './list-sources/list-sources.http.controller.js';
import { GetSourceController } from './get-source/get-source.http.controller.js';
import { RegisterSourceHandler } from './register-source/register-source.handler.js';
import { RegisterSourceController } from './register-source/register-source.http.controller.js';
import { SourcesProjection } from './sources.projection.js';

@Module({
  controllers: [RegisterSourceController, ListSourcesController, GetSourceController],
  providers: [RegisterSourceHandler, SourcesProjection],
})
export class SourcesModule implements OnModuleInit {
  constructor(private readonly registry: ProjectionRegistry, private readonly projection: SourcesProjection) {}

  onModuleInit(): void {
    this.registry.register(this.projection);
  }
}
