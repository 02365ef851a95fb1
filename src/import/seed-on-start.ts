import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SEED_FILE } from '../common/paths.js';
import { Environment } from '../config/environment.js';
import { NdjsonImporter } from './ndjson-importer.js';

/** A new user's first start shows real material: an empty log gets the seed article. */
@Injectable()
export class SeedOnStart implements OnApplicationBootstrap {
  private readonly logger = new Logger('Seed');

  constructor(
    private readonly env: Environment,
    private readonly dataSource: DataSource,
    private readonly importer: NdjsonImporter,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.env.SEED_ON_EMPTY) return;
    const [{ any }] = await this.dataSource.query(`SELECT EXISTS (SELECT 1 FROM events) AS any`);
    if (any) return;
    this.logger.log({ file: SEED_FILE }, 'empty database: loading the seed');
    const report = await this.importer.importFile(SEED_FILE);
    if (report.failed.length > 0) this.logger.error({ failures: report.failed }, 'the seed did not load completely');
  }
}
