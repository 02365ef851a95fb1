import { ApiProperty } from '@nestjs/swagger';
import type { StatementOnRecord, StatementState } from './statement.decider.js';
import { FORMS, STANCE_SCORE, STANCES, type Form, type Stance } from './statement.events.js';

/** A statement as the write endpoints return it (the shape docs/API.md gives for every statement). */
export class StatementView {
  @ApiProperty({ example: 'zelensky-direct-talks-2025-02-04' }) id: string;
  @ApiProperty({ example: 'volodymyr-zelensky' }) actorId: string;
  @ApiProperty({ example: 'ukraine-war/negotiations/direct-talks-with-putin' }) topicId: string;
  @ApiProperty({ enum: STANCES }) stance: Stance;
  @ApiProperty({ minimum: -2, maximum: 2 }) stanceScore: number;
  @ApiProperty({ type: [String] }) conditions: string[];
  @ApiProperty() summary: string;
  @ApiProperty({ type: String, nullable: true }) quote: string | null;
  @ApiProperty({ enum: FORMS }) form: Form;
  @ApiProperty({ example: '2025-02-04' }) statedAt: string;
  @ApiProperty({ example: 'piers-morgan-uncensored-2025-02-04' }) sourceId: string;
  @ApiProperty({ description: 'When this version was recorded' }) recordedAt: string;
  @ApiProperty({ description: 'The version to send as If-Match with a correction' }) version: number;
  @ApiProperty({ description: 'How many corrections this statement has had' }) corrections: number;
}

export function statementView(state: StatementOnRecord): StatementView {
  const { id, fields, recordedAt, version, corrections } = state;
  return {
    id,
    actorId: fields.actorId,
    topicId: fields.topicId,
    stance: fields.stance,
    stanceScore: STANCE_SCORE[fields.stance],
    conditions: fields.conditions,
    summary: fields.summary,
    quote: fields.quote,
    form: fields.form,
    statedAt: fields.statedAt,
    sourceId: fields.sourceId,
    recordedAt: recordedAt.toISOString(),
    version,
    corrections,
  };
}

/** The state a successful command leaves behind exists by construction; anything else is a bug here. */
export function onRecord(state: StatementState, streamId: string): StatementOnRecord {
  if (!state.exists) throw new Error(`${streamId} is empty after a successful command`);
  return state;
}

/** `ETag: "3"`: what a client sends back as `If-Match` with its next correction. */
export const etagOf = (version: number) => `"${version}"`;
