import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SOURCE_KINDS, type Source, type SourceKind } from './source.events.js';

/** A source as every endpoint returns it: the fields not given are null, so POST and GET answer alike. */
export class SourceView {
  @ApiProperty({ example: 'piers-morgan-interview-zelensky-2025-02-04' }) id: string;
  @ApiProperty({ enum: SOURCE_KINDS }) kind: SourceKind;
  @ApiProperty({ example: 'Piers Morgan interview with Volodymyr Zelensky' }) title: string;
  @ApiProperty({ type: String, nullable: true, example: 'Piers Morgan Uncensored' }) publisher: string | null;
  @ApiProperty({ type: String, nullable: true }) url: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2025-02-04', description: 'day, month or year precision' }) publishedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) recordedAt: Date;
  @ApiPropertyOptional({ minimum: 0, maximum: 1, example: 0.8, description: 'Lists with `?q=` only: how alike the record is to q (1: an exact name)' }) match?: number;
}

export class SourcePage {
  @ApiProperty({ type: [SourceView] }) items: SourceView[];
  @ApiProperty({ type: String, nullable: true, description: 'pass as ?cursor= (with the same `q`) for the next page; null on the last' }) nextCursor: string | null;
}

export function toSourceView(source: Source, recordedAt: Date): SourceView {
  const { id, kind, title, publisher, url, publishedAt } = source;
  return { id, kind, title, publisher: publisher ?? null, url: url ?? null, publishedAt: publishedAt ?? null, recordedAt };
}

export const SOURCE_COLUMNS =
  `id, kind, title, publisher, url, published_at AS "publishedAt", recorded_at AS "recordedAt"`;
