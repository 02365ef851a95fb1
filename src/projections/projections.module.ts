import { Module } from '@nestjs/common';
import { RebuildController } from './rebuild.http.controller.js';
import { RebuildLock } from './rebuild-lock.js';
import { RebuildService } from './rebuild.service.js';

/** Operations on the read models as a whole: rebuilding them from the log. */
@Module({ controllers: [RebuildController], providers: [RebuildService, RebuildLock], exports: [RebuildService] })
export class ProjectionsModule {}
