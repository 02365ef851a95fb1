import { Module } from '@nestjs/common';
import { StanceChangesModule } from '../stance-changes/stance-changes.module.js';
import { StatementTimeline } from '../statements/read-model/list-statements/statement-timeline.query.js';
import { TimelineContentsQuery } from './export-timeline/timeline-contents.query.js';
import { TimelineController } from './export-timeline/timeline.http.controller.js';
import { ListActorsController } from './list-actors/list-actors.http.controller.js';

/**
 * Timelines for UIs: the exports timeline libraries take (TimelineJS, vis-timeline) and the actor list
 * the timeline page chooses from. The page itself is static (web/, served by serveWebPage).
 */
@Module({
  imports: [StanceChangesModule],
  controllers: [TimelineController, ListActorsController],
  providers: [TimelineContentsQuery, StatementTimeline],
})
export class TimelinesModule {}
