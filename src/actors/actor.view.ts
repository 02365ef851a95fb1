import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ActorRoleDto } from './register-actor/register-actor.request.dto.js';
import { ACTOR_KINDS, type ActorKind, type ActorRole } from './actor.events.js';

/** An actor as every endpoint returns it. */
export class ActorView {
  @ApiProperty({ example: 'volodymyr-zelensky' }) id: string;
  @ApiProperty({ example: 'Volodymyr Zelensky' }) name: string;
  @ApiProperty({ enum: ACTOR_KINDS }) kind: ActorKind;
  @ApiProperty({ type: [String], example: ['Zelenskyy'] }) aliases: string[];
  @ApiProperty({ type: [ActorRoleDto], description: 'Roles held over a period' }) roles: ActorRole[];
  @ApiProperty({ type: String, format: 'date-time' }) recordedAt: Date;
  @ApiPropertyOptional({ minimum: 0, maximum: 1, example: 0.8, description: 'Lists with `?q=` only: how alike the record is to q (1: an exact name)' }) match?: number;
}

export class ActorPage {
  @ApiProperty({ type: [ActorView] }) items: ActorView[];
  @ApiProperty({ type: String, nullable: true, description: 'pass as ?cursor= for the next page; null on the last' }) nextCursor: string | null;
}

export const ACTOR_COLUMNS = `id, name, kind, aliases, roles, recorded_at AS "recordedAt"`;
