import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { FORMS, STANCES, type Form, type Stance } from '../statement.events.js';
import { LocatorProperty, ReportedInProperty } from '../provenance.js';
import { FIELD_ORDER } from '../statement.decider.js';
import {
  ActorIdRules, ConditionsRules, FormRules, MAX_QUOTE_LENGTH, MAX_REASON_LENGTH, Nullable, Omittable, QuoteRules, ReasonRules,
  SetsAnyOf, SourceIdRules, StanceRules, StatedAtRules, SummaryRules, TopicIdRules,
} from '../statement-fields.validation.js';

/** The fields a correction sets; each follows the rules of recording, and what is left out stands. */
export class StatementChanges {
  @ApiPropertyOptional({ example: 'volodymyr-zelensky', description: 'A registered actor (fixes a misattribution)' })
  @Omittable() @ActorIdRules()
  actorId?: string;

  @ApiPropertyOptional({ example: 'ukraine-war/negotiations' })
  @Omittable() @TopicIdRules()
  topicId?: string;

  @ApiPropertyOptional({ enum: STANCES })
  @Omittable() @StanceRules()
  stance?: Stance;

  @ApiPropertyOptional({ type: [String], description: 'Replaces the conditions; compared as a set' })
  @Omittable() @ConditionsRules()
  conditions?: string[];

  @ApiPropertyOptional()
  @Omittable() @SummaryRules()
  summary?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: MAX_QUOTE_LENGTH, description: 'null removes the quote' })
  @Nullable() @QuoteRules()
  quote?: string | null;

  @ApiPropertyOptional({ enum: FORMS })
  @Omittable() @FormRules()
  form?: Form;

  @ApiPropertyOptional({ example: '2025-02-04' })
  @Omittable() @StatedAtRules()
  statedAt?: string;

  @ApiPropertyOptional({ example: 'piers-morgan-uncensored-2025-02-04' })
  @Omittable() @SourceIdRules()
  sourceId?: string;

  @ReportedInProperty()
  reportedIn?: string | null;

  @LocatorProperty()
  locator?: string | null;
}

export class CorrectStatementRequest {
  @ApiProperty({ type: StatementChanges, description: 'At least one field; only the ones that differ are recorded' })
  @IsObject() @SetsAnyOf(FIELD_ORDER) @ValidateNested() @Type(() => StatementChanges)
  changes: StatementChanges;

  @ApiProperty({ maxLength: MAX_REASON_LENGTH, example: 'The quote was from the 2024 interview, not this one' })
  @ReasonRules()
  reason: string;
}
