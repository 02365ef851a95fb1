import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';

export class StreamEventsRequest {
  @ApiPropertyOptional({
    example: 'now',
    description: 'where to start when no Last-Event-ID header is sent: 0 (the default) for the whole log, the position of an event '
      + 'to resume after it, or `now` for only what is recorded from here on. Last-Event-ID, when sent, wins.',
  })
  @IsOptional() @IsString() @Matches(/^(\d{1,15}|now)$/, { message: 'after must be an event position (digits), 0, or now' })
  after?: string;
}
