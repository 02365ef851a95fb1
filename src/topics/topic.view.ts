import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A topic as every endpoint returns it. */
export class TopicView {
  @ApiProperty({ example: 'ukraine-war/negotiations', description: 'A path of slugs: the parent, a slash, its own slug' }) id: string;
  @ApiProperty({ type: String, nullable: true, example: 'ukraine-war' }) parentId: string | null;
  @ApiProperty({ example: 'Negotiations' }) title: string;
  @ApiProperty({ description: 'The claim a stance is taken on' }) proposition: string;
  @ApiProperty({ type: String, format: 'date-time' }) recordedAt: Date;
  @ApiPropertyOptional({ minimum: 0, maximum: 1, example: 0.8, description: 'Lists with `?q=` only: how alike the record is to q (1: an exact name)' }) match?: number;
}

export class TopicPage {
  @ApiProperty({ type: [TopicView] }) items: TopicView[];
  @ApiProperty({ type: String, nullable: true, description: 'pass as ?cursor= (with the same `q` and `under`) for the next page; null on the last' })
  nextCursor: string | null;
}

export const TOPIC_COLUMNS =
  `id, parent_id AS "parentId", title, proposition, recorded_at AS "recordedAt"`;
