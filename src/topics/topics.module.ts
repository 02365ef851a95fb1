import { Module, type OnModuleInit } from '@nestjs/common';
import { ProjectionRegistry } from '../event-store/inline-projections/projection-registry.js';
import { DefineTopicHandler } from './define-topic/define-topic.handler.js';
import { DefineTopicController } from './define-topic/define-topic.http.controller.js';
import { GetTopicController } from './get-topic/get-topic.http.controller.js';
import { ListTopicsController } from './list-topics/list-topics.http.controller.js';
import { TopicsProjection } from './topics.projection.js';

@Module({
  // The list before the wildcard read, so GET /v1/topics is never taken for a topic id.
  controllers: [DefineTopicController, ListTopicsController, GetTopicController],
  providers: [DefineTopicHandler, TopicsProjection],
})
export class TopicsModule implements OnModuleInit {
  constructor(private readonly registry: ProjectionRegistry, private readonly projection: TopicsProjection) {}

  onModuleInit(): void {
    this.registry.register(this.projection);
  }
}
