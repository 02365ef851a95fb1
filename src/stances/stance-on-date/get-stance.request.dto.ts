import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsTimestamp } from '../../common/dates/known-at.js';
import { IsPartialDate, MAX_ID_LENGTH, SLUG } from '../../common/validators.js';
import { MAX_TOPIC_ID_LENGTH, TOPIC_PATH, TOPIC_PATH_MESSAGE } from '../../topics/topic-path.js';

export class GetStanceRequest {
  @ApiProperty({ example: 'volodymyr-zelensky' })
  @IsString() @MaxLength(MAX_ID_LENGTH) @Matches(SLUG, { message: 'actor must be an actor id (a slug)' })
  actor: string;

  @ApiProperty({ example: 'ukraine-war/negotiations/direct-talks-with-putin', description: 'a topic id; includes its subtopics' })
  @IsString() @MaxLength(MAX_TOPIC_ID_LENGTH) @Matches(TOPIC_PATH, { message: `topic ${TOPIC_PATH_MESSAGE}` })
  topic: string;

  @ApiProperty({ example: '2025-02-04', description: 'the date asked about: a day, a month or a year' })
  @IsPartialDate()
  on: string;

  @ApiPropertyOptional({ description: 'answer as the records stood at this instant (full ISO 8601 timestamp); default now', example: '2025-02-05T10:00:00Z' })
  @IsOptional() @IsString() @IsTimestamp()
  knownAt?: string;
}
