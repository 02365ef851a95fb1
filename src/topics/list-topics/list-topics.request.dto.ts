import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { NameListRequest } from '../../common/name-list.request.js';
import { IsName } from '../../common/validators.js';

export class ListTopicsQuery extends NameListRequest {
  @ApiPropertyOptional({ example: 'ukraine-war', description: 'Only this topic and its subtopics (an unknown topic: 404 with suggestions)' })
  @IsOptional() @IsName()
  under?: string;
}
