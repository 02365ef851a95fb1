import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, MaxLength } from 'class-validator';
import { IsCleanText, IsPartialDate, MAX_ID_LENGTH, SLUG } from '../../common/validators.js';
import { SOURCE_KINDS, type SourceKind } from '../source.events.js';

export class RegisterSourceRequest {
  @ApiProperty({ example: 'piers-morgan-zelensky-2025-02-04', pattern: SLUG.source })
  @IsString() @MaxLength(MAX_ID_LENGTH) @Matches(SLUG, { message: 'id must be a slug: lowercase letters, digits and single hyphens' })
  id: string;

  @ApiProperty({ enum: SOURCE_KINDS })
  @IsIn(SOURCE_KINDS, { message: `kind must be one of ${SOURCE_KINDS.join(', ')}` })
  kind: SourceKind;

  @ApiProperty({ example: 'Zelensky on Piers Morgan Uncensored' })
  @IsString() @IsNotEmpty() @Matches(/\S/, { message: 'title must not be blank' }) @MaxLength(500) @IsCleanText()
  title: string;

  @ApiPropertyOptional({ example: 'Piers Morgan Uncensored', description: 'Publisher or outlet' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) @IsCleanText()
  publisher?: string;

  @ApiPropertyOptional({ example: 'https://www.youtube.com/watch?v=example', format: 'uri' })
  @IsOptional() @IsString() @MaxLength(2000)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'url must be an http or https URL' })
  url?: string;

  @ApiPropertyOptional({ example: '2025-02-04', description: 'day, month or year precision' })
  @IsOptional() @IsPartialDate()
  publishedAt?: string;
}
