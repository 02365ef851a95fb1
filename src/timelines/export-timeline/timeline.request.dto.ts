import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { StatementFiltersRequest } from '../../statements/read-model/statement-filters.request.js';
import { GROUP_BY, type GroupBy } from './timeline-entry.js';

export const TIMELINE_FORMATS = ['timelinejs', 'vis'] as const;
export type TimelineFormat = (typeof TIMELINE_FORMATS)[number];

export class TimelineRequest extends StatementFiltersRequest {
  @ApiPropertyOptional({ enum: TIMELINE_FORMATS, default: 'timelinejs', description: 'TimelineJS 3 JSON, or vis-timeline items and groups' })
  @IsOptional() @IsIn(TIMELINE_FORMATS, { message: `format must be one of ${TIMELINE_FORMATS.join(', ')}` })
  format?: TimelineFormat;

  @ApiPropertyOptional({ enum: GROUP_BY, description: 'what the rows of the timeline are; default: topics for one actor, actors otherwise' })
  @IsOptional() @IsIn(GROUP_BY, { message: `groupBy must be one of ${GROUP_BY.join(', ')}` })
  groupBy?: GroupBy;
}
