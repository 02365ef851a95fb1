import { Global, Module } from '@nestjs/common';
import { References } from './references.js';

@Global()
@Module({ providers: [References], exports: [References] })
export class CommonModule {}
