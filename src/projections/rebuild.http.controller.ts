import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequiresRole } from '../auth/roles.decorator.js';
import { RebuildReport } from './rebuild-report.js';
import { RebuildService } from './rebuild.service.js';

@ApiTags('operations')
@ApiBearerAuth()
@Controller('v1/admin/projections')
export class RebuildController {
  constructor(private readonly rebuilds: RebuildService) {}

  /** Answers when the new tables are in place; reads go on from the old ones until then. */
  @Post('rebuild')
  @ApiOperation({ summary: 'Rebuild every read model from the event log (admin)' })
  @HttpCode(200)
  @RequiresRole('admin')
  @ApiOkResponse({ type: RebuildReport, description: 'Every read model rebuilt from the log and swapped in' })
  @ApiConflictResponse({ description: 'A rebuild is already running' })
  rebuild(): Promise<RebuildReport> {
    return this.rebuilds.rebuild();
  }
}
