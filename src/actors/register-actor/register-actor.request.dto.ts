import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested,
} from 'class-validator';
import { IsCleanText, IsPartialDate, MAX_ID_LENGTH, SLUG } from '../../common/validators.js';
import { ACTOR_KINDS, type ActorKind } from '../actor.events.js';

export class ActorRoleDto {
  @ApiProperty({ example: 'President of the United States' })
  @IsString() @IsNotEmpty() @MaxLength(200) @IsCleanText()
  title: string;

  @ApiProperty({ example: '2025-01-20', description: 'day, month or year precision' })
  @IsPartialDate()
  from: string;

  @ApiPropertyOptional({ example: '2029-01-20' })
  @IsOptional() @IsPartialDate()
  to?: string;
}

export class RegisterActorRequest {
  @ApiProperty({ example: 'volodymyr-zelensky', pattern: SLUG.source })
  @IsString() @MaxLength(MAX_ID_LENGTH) @Matches(SLUG, { message: 'id must be a slug: lowercase letters, digits and single hyphens' })
  id: string;

  @ApiProperty({ example: 'Volodymyr Zelensky' })
  @IsString() @IsNotEmpty() @MaxLength(200) @IsCleanText()
  name: string;

  @ApiProperty({ enum: ACTOR_KINDS })
  @IsIn(ACTOR_KINDS)
  kind: ActorKind;

  @ApiPropertyOptional({ type: [String], example: ['Zelenskyy', 'Zelenskiy'] })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(200, { each: true }) @IsCleanText({ each: true })
  aliases?: string[];

  @ApiPropertyOptional({ type: [ActorRoleDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => ActorRoleDto)
  roles?: ActorRoleDto[];
}
