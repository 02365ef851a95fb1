import { Global, Module } from '@nestjs/common';
import { PlannedCreations } from './create-plan.js';
import { CursorSecret } from './cursors/signed-cursor.js';
import { References } from './references.js';

@Global()
@Module({ providers: [References, CursorSecret, PlannedCreations], exports: [References, CursorSecret, PlannedCreations] })
export class CommonModule {}
