import { Global, Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { PlannedCreations } from './create-plan.js';
import { CursorSecret } from './cursors/signed-cursor.js';
import { RequireJsonBody } from './json-body.js';
import { References } from './references.js';
import { Names } from '../names/names.js';

@Global()
@Module({ providers: [References, CursorSecret, PlannedCreations, Names], exports: [References, CursorSecret, PlannedCreations, Names] })
export class CommonModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequireJsonBody).forRoutes('*path');
  }
}
