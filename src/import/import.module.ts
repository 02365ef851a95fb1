import { Module } from '@nestjs/common';
import { NdjsonImporter } from './ndjson-importer.js';
import { SeedOnStart } from './seed-on-start.js';

@Module({ providers: [NdjsonImporter, SeedOnStart], exports: [NdjsonImporter] })
export class ImportModule {}
