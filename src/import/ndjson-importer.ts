import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { AlreadyExistsError } from '../common/domain-error.js';
import { flattenValidationErrors } from '../common/validation.js';
import { EventStore } from '../event-store/event-store.js';
import { IMPORT_KINDS } from './import-kinds.js';

export interface ImportReport {
  recorded: number;
  unchanged: number;
  failed: { line: number; problem: string }[];
}

const PROGRESS_EVERY = 100;

/**
 * Loads NDJSON, one API body per line, through the same validation and commands as the HTTP API.
 * Each line's idempotency key is the hash of the line, so importing a file again records nothing new;
 * a record that exists under the same id from elsewhere counts as unchanged.
 */
@Injectable()
export class NdjsonImporter {
  private readonly logger = new Logger('Import');

  constructor(private readonly commands: CommandBus, private readonly store: EventStore) {}

  async importFile(path: string): Promise<ImportReport> {
    const report: ImportReport = { recorded: 0, unchanged: 0, failed: [] };
    const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
    let number = 0;
    for await (const text of lines) {
      number++;
      if (text.trim() === '') continue;
      try {
        (await this.importLine(text)) ? report.recorded++ : report.unchanged++;
      } catch (error) {
        report.failed.push({ line: number, problem: (error as Error).message });
      }
      if (number % PROGRESS_EVERY === 0) this.logger.log({ file: path, lines: number, ...counts(report) }, 'import progress');
    }
    this.logger.log({ file: path, lines: number, ...counts(report), failures: report.failed.slice(0, 20) }, 'import finished');
    return report;
  }

  /** True when the line recorded something new. */
  private async importLine(text: string): Promise<boolean> {
    const record: unknown = JSON.parse(text);
    const keys = record && typeof record === 'object' && !Array.isArray(record) ? Object.keys(record) : [];
    const kind = IMPORT_KINDS[keys[0]];
    if (keys.length !== 1 || !kind) throw new Error(`a line must be {"<kind>": {...}} with kind one of ${Object.keys(IMPORT_KINDS).join(', ')}`);
    const body = plainToInstance(kind.request, (record as Record<string, unknown>)[keys[0]]);
    const problems = flattenValidationErrors(await validate(body, { whitelist: true, forbidNonWhitelisted: true }));
    if (problems.length > 0) throw new Error(problems.map((p) => `${keys[0]}.${p.field}: ${p.message}`).join('; '));
    const digest = createHash('sha256').update(text.trim()).digest('base64url');
    const idempotencyKey = `import:${digest}`;
    if (await this.store.findIdempotentAppend(idempotencyKey, digest)) return false;
    try {
      await this.commands.execute(new kind.command(body as never, { idempotencyKey, fingerprint: digest, metadata: { recordedBy: 'import' } }));
      return true;
    } catch (error) {
      if (error instanceof AlreadyExistsError) return false;
      throw error;
    }
  }
}

function counts(report: ImportReport) {
  return { recorded: report.recorded, unchanged: report.unchanged, failed: report.failed.length };
}
