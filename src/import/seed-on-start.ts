import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SEED_FILE } from '../common/paths.js';
import { Environment } from '../config/environment.js';
import { EventStore } from '../event-store/event-store.js';
import { NdjsonImporter } from './ndjson-importer.js';

/** A new user's first start shows real material: an empty log gets the seed article. */
@Injectable()
export class SeedOnStart implements OnApplicationBootstrap {
  private readonly logger = new Logger('Seed');

  constructor(
    private readonly env: Environment,
    private readonly store: EventStore,
    private readonly importer: NdjsonImporter,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.env.SEED_ON_EMPTY) return;
    if (!(await this.store.isEmpty())) return;
    this.logger.log({ file: SEED_FILE }, 'empty database: loading the seed');
    const report = await this.importer.importFile(SEED_FILE);
    if (report.failed.length > 0) this.logger.error({ failures: report.failed }, 'the seed did not load completely');
  }
}
