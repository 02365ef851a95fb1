import { ApiProperty, OmitType } from '@nestjs/swagger';
import { CLAIM_VALUE_SCHEMA } from './claim-value.dto.js';
import { valueBounds } from './claim-value.js';
import type { Claim } from './claim.decider.js';
import { QUALIFIERS, type ClaimValue, type Qualifier } from './claim.events.js';

/** A claim as the API returns it: the value as stated, and its bounds for clients that compare ranges. */
export class ClaimView {
  @ApiProperty({ example: 'zelensky-2025-02-04-ukraine-military-killed' }) id: string;
  @ApiProperty({ example: 'volodymyr-zelensky' }) actorId: string;
  @ApiProperty({ example: 'casualties/ukraine/military/killed' }) measure: string;
  @ApiProperty({ ...CLAIM_VALUE_SCHEMA, description: '{exact} or {low, high}, as stated' }) value: ClaimValue;
  @ApiProperty({ description: 'the lowest figure the value allows' }) low: number;
  @ApiProperty({ description: 'the highest figure the value allows' }) high: number;
  @ApiProperty({ enum: QUALIFIERS }) qualifier: Qualifier;
  @ApiProperty({ example: 'soldiers' }) unit: string;
  @ApiProperty({ type: String, nullable: true, example: '2025-02-04', description: 'the date the figure refers to' }) refersTo: string | null;
  @ApiProperty({ example: '2025-02-04' }) statedAt: string;
  @ApiProperty({ example: 'piers-morgan-interview-zelensky-2025-02-04' }) sourceId: string;
  @ApiProperty({ type: String, nullable: true }) quote: string | null;
  @ApiProperty({ type: String, format: 'date-time', description: 'when this version was recorded' }) recordedAt: Date;
  @ApiProperty({ description: 'the version to send as If-Match with a correction' }) version: number;
  @ApiProperty({ description: 'how many corrections this claim has had' }) corrections: number;
}

/** A claim beside the other actors' claims on the same measure. */
export class SideBySideClaim extends OmitType(ClaimView, ['measure'] as const) {
  @ApiProperty({ type: String, nullable: true, example: 'Volodymyr Zelensky' }) actorName: string | null;
}

export class MeasureGroup {
  @ApiProperty({ example: 'casualties/ukraine/military/killed' }) measure: string;
  @ApiProperty({ type: [SideBySideClaim], description: 'by statedAt, then actor' }) claims: SideBySideClaim[];
}

export class MeasureGroupPage {
  @ApiProperty({ type: [MeasureGroup], description: 'in measure order' }) items: MeasureGroup[];
  @ApiProperty({ type: String, nullable: true, description: 'pass as ?cursor= (with the same filters) for the next page; null on the last' })
  nextCursor: string | null;
}

export class ClaimRetraction {
  @ApiProperty() id: string;
  @ApiProperty({ enum: [true] }) retracted: true;
  @ApiProperty() reason: string;
  @ApiProperty() version: number;
  @ApiProperty({ type: String, format: 'date-time' }) recordedAt: Date;
}

export function toClaimView(claim: Claim, current: { recordedAt: Date; version: number; corrections: number }): ClaimView {
  return {
    id: claim.id,
    actorId: claim.actorId,
    measure: claim.measure,
    value: claim.value,
    ...valueBounds(claim.value),
    qualifier: claim.qualifier,
    unit: claim.unit,
    refersTo: claim.refersTo,
    statedAt: claim.statedAt,
    sourceId: claim.sourceId,
    quote: claim.quote,
    recordedAt: current.recordedAt,
    version: current.version,
    corrections: current.corrections,
  };
}
