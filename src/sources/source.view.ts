import { ApiProperty } from '@nestjs/swagger';
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
}

export function toSourceView(source: Source, recordedAt: Date): SourceView {
  const { id, kind, title, publisher, url, publishedAt } = source;
  return { id, kind, title, publisher: publisher ?? null, url: url ?? null, publishedAt: publishedAt ?? null, recordedAt };
}

export const SOURCE_COLUMNS =
  `id, kind, title, publisher, url, published_at AS "publishedAt", recorded_at AS "recordedAt"`;
