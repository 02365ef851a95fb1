import { Module } from '@nestjs/common';
import { StanceChangesModule } from '../stance-changes/stance-changes.module.js';
import { StatementTimeline } from '../statements/read-model/list-statements/statement-timeline.query.js';
import { TimelineContentsQuery } from './export-timeline/timeline-contents.query.js';
import { TimelineController } from './export-timeline/timeline.http.controller.js';

/**
 * Timelines for UIs: the exports timeline libraries take (TimelineJS, vis-timeline). The page itself is
 * static (web/, served by serveWebPage); the actors it chooses from are GET /v1/actors (actors/list-actors/).
 */
@Module({
  imports: [StanceChangesModule],
  controllers: [TimelineController],
  providers: [TimelineContentsQuery, StatementTimeline],
})
export class TimelinesModule {}
