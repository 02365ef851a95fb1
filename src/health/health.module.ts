import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.http.controller.js';

@Module({ imports: [TerminusModule], controllers: [HealthController] })
export class HealthModule {}
