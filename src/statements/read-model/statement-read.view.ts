import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { StatementView } from '../statement.view.js';
import type { StatementRow } from './statement-version.js';

export class SourceSummary {
  @ApiProperty({ example: 'piers-morgan-interview-zelensky-2025-02-04' }) id: string;
  @ApiProperty({ example: 'interview' }) kind: string;
  @ApiProperty({ example: 'Piers Morgan interview with Volodymyr Zelensky' }) title: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Piers Morgan Uncensored' }) publisher: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) url: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '2025-02-04' }) publishedAt: string | null;
}

/**
 * A statement as the reads return it: the shape of docs/API.md, plus what a reader needs to judge it without
 * a second request: the precision and period of statedAt, and the source's title, publisher and URL.
 */
export class StatementReadView extends StatementView {
  @ApiProperty({ enum: ['day', 'month', 'year'], description: 'How precisely statedAt is known' }) precision: string;
  @ApiProperty({ example: '2022-01-01', description: 'First day statedAt may mean' }) statedStart: string;
  @ApiProperty({ example: '2022-12-31', description: 'Last day statedAt may mean' }) statedEnd: string;
  @ApiProperty({ description: 'When the statement was first recorded' }) firstRecordedAt: string;
  @ApiProperty({ type: SourceSummary, nullable: true }) source: SourceSummary | null;
  @ApiProperty({ type: SourceSummary, nullable: true, description: 'The source reportedIn names' }) reportedInSource: SourceSummary | null;
  @ApiPropertyOptional({ example: 'Zelensky says direct <mark>negotiations</mark> with Putin are &quot;possible&quot;', description: 'With `q` only: the best fragment of the matched text, matched words in <mark>, everything else HTML-escaped' })
  highlight?: string;
}

export function statementReadView(row: StatementRow): StatementReadView {
  return {
    id: row.statement_id,
    actorId: row.actor_id,
    topicId: row.topic_id,
    stance: row.stance,
    stanceScore: row.stance_score,
    conditions: row.conditions,
    summary: row.summary,
    quote: row.quote,
    form: row.form,
    statedAt: row.stated_at,
    sourceId: row.source_id,
    reportedIn: row.reported_in,
    locator: row.locator,
    recordedAt: row.recorded_from.toISOString(),
    version: row.version,
    corrections: row.corrections,
    precision: row.stated_precision,
    statedStart: row.stated_start,
    statedEnd: row.stated_end,
    firstRecordedAt: row.first_recorded_at.toISOString(),
    source: row.source_title === null ? null : {
      id: row.source_id,
      kind: row.source_kind!,
      title: row.source_title,
      publisher: row.source_publisher,
      url: row.source_url,
      publishedAt: row.source_published_at,
    },
    reportedInSource: row.reported_in === null || row.reported_in_title === null ? null : {
      id: row.reported_in,
      kind: row.reported_in_kind!,
      title: row.reported_in_title,
      publisher: row.reported_in_publisher,
      url: row.reported_in_url,
      publishedAt: row.reported_in_published_at,
    },
  };
}
