import { Global, Module } from '@nestjs/common';
import { CursorSecret } from './cursors/signed-cursor.js';
import { References } from './references.js';

@Global()
@Module({ providers: [References, CursorSecret], exports: [References, CursorSecret] })
export class CommonModule {}
