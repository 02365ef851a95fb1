import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { IsTimestamp } from '../../common/dates/known-at.js';
import { IsName, IsPartialDate } from '../../common/validators.js';

export class GetStanceRequest {
  @ApiProperty({ example: 'volodymyr-zelensky' })
  @IsName()
  actor: string;

  @ApiProperty({ example: 'ukraine-war/negotiations/direct-talks-with-putin', description: 'a topic id; includes its subtopics' })
  @IsName()
  topic: string;

  @ApiProperty({ example: '2025-02-04', description: 'the date asked about: a day, a month or a year' })
  @IsPartialDate()
  on: string;

  @ApiPropertyOptional({ description: 'answer as the records stood at this instant (full ISO 8601 timestamp); default now', example: '2025-02-05T10:00:00Z' })
  @IsOptional() @IsString() @IsTimestamp()
  knownAt?: string;
}
