import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsRecordId, MAX_ID_LENGTH } from '../../common/validators.js';
import { FORMS, STANCES, type Form, type Stance } from '../statement.events.js';
import {
  ActorIdRules, ConditionsRules, FormRules, MAX_CONDITION_LENGTH, MAX_CONDITIONS, MAX_QUOTE_LENGTH, MAX_SUMMARY_LENGTH,
  QuoteRules, SourceIdRules, StanceRules, StatedAtRules, SummaryRules, TopicIdRules,
} from '../statement-fields.validation.js';

export class RecordStatementRequest {
  @ApiPropertyOptional({ example: 'zelensky-direct-talks-2025-02-04', maxLength: MAX_ID_LENGTH,
    description: 'A slug or a UUID; when left out the service assigns a UUID' })
  @IsOptional() @IsRecordId()
  id?: string;

  @ApiProperty({ example: 'volodymyr-zelensky', description: 'A registered actor' })
  @ActorIdRules()
  actorId: string;

  @ApiProperty({ example: 'ukraine-war/negotiations/direct-talks-with-putin', description: 'A defined topic' })
  @TopicIdRules()
  topicId: string;

  @ApiProperty({ enum: STANCES, description: "Towards the topic's proposition" })
  @StanceRules()
  stance: Stance;

  @ApiPropertyOptional({ type: [String], maxItems: MAX_CONDITIONS, example: ['if it is the only path to peace'],
    description: `The "if"s that qualify the stance; trimmed, duplicates dropped (each at most ${MAX_CONDITION_LENGTH} characters)` })
  @IsOptional() @ConditionsRules()
  conditions?: string[];

  @ApiProperty({ maxLength: MAX_SUMMARY_LENGTH, example: 'Willing to negotiate directly with Putin if it is the only path to peace' })
  @SummaryRules()
  summary: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: MAX_QUOTE_LENGTH, description: 'The verbatim words, where there are any' })
  @IsOptional() @QuoteRules()
  quote?: string | null;

  @ApiProperty({ enum: FORMS })
  @FormRules()
  form: Form;

  @ApiProperty({ example: '2025-02-04', description: 'When it was said: day, month or year precision (2025-02-04, 2025-02, 2022)' })
  @StatedAtRules()
  statedAt: string;

  @ApiProperty({ example: 'piers-morgan-uncensored-2025-02-04', description: 'A registered source' })
  @SourceIdRules()
  sourceId: string;
}
