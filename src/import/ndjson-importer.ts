import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Injectable, Logger } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import type { CreatePlan } from '../common/create-plan.js';
import { AlreadyExistsError, DomainError } from '../common/domain-error.js';
import { References } from '../common/references.js';
import { flattenValidationErrors } from '../common/validation.js';
import { validateSyncPlanned } from '../common/validation-plan.js';
import { EventStore, type StreamCreation } from '../event-store/event-store.js';
import { IMPORT_KINDS, referencedStreams } from './import-kinds.js';

export interface ImportReport {
  recorded: number;
  unchanged: number;
  failed: { line: number; problem: string }[];
}

/** A line that passed validation: what it creates, and the key that makes importing it twice harmless. */
interface PlannedLine {
  readonly number: number;
  readonly plan: CreatePlan;
  readonly idempotencyKey: string;
  readonly fingerprint: string;
}

/** Lines checked and written together, in one transaction. */
const PAGE_SIZE = 500;
const PROGRESS_EVERY_MS = 2_000;

/**
 * Loads NDJSON, one API body per line, with the same validation, reference checks and rules as the HTTP
 * API (each kind's request class and its handler's plan), a page of lines at a time: the checks of a page
 * are three queries, and its new streams one append of many in one transaction. A line that names
 * something created earlier in the page starts the next page, so it is checked after that is written.
 * Each line's idempotency key is the hash of the line, so importing a file again records nothing new;
 * a record that exists under the same id from elsewhere counts as unchanged.
 */
@Injectable()
export class NdjsonImporter {
  private readonly logger = new Logger('Import');

  constructor(private readonly store: EventStore, private readonly references: References) {}

  /** `onProgress`: lines read so far, after each page (the command line's progress bar). */
  async importFile(path: string, onProgress: (lines: number) => void = () => undefined): Promise<ImportReport> {
    const started = Date.now();
    const report: ImportReport = { recorded: 0, unchanged: 0, failed: [] };
    const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
    let number = 0;
    let page: PlannedLine[] = [];
    const pageStreams = new Set<string>();
    let lastProgress = started;
    // The page being written while the next one is read and planned: planning is this process's CPU and
    // writing mostly the server's, so the two overlap. Pages are still written one after the other, each
    // checked only once the one before it is in (what a line names may be in that one).
    let writing: Promise<void> = Promise.resolve();
    const writePage = async () => {
      const full = page;
      const read = number;
      page = [];
      pageStreams.clear();
      await writing;
      writing = this.write(full, report).then(() => {
        onProgress(read);
        if (Date.now() - lastProgress >= PROGRESS_EVERY_MS) {
          lastProgress = Date.now();
          this.logger.log({ file: path, lines: read, ...counts(report), linesPerSecond: rate(read, started) }, 'import progress');
        }
      });
      // Awaited by the next page (or the end): until then its failure must not count as unhandled.
      writing.catch(() => undefined);
    };
    for await (const text of lines) {
      number++;
      if (text.trim() === '') continue;
      let line: PlannedLine;
      try {
        line = planLine(number, text);
      } catch (error) {
        report.failed.push({ line: number, problem: (error as Error).message });
        continue;
      }
      const waits = [line.plan.streamId, ...referencedStreams(line.plan.references)].some((stream) => pageStreams.has(stream));
      if (waits) await writePage();
      page.push(line);
      pageStreams.add(line.plan.streamId);
      if (page.length >= PAGE_SIZE) await writePage();
    }
    await writePage();
    await writing;
    // A line refused by its page's checks is found after later lines failed to parse: in file order again.
    report.failed.sort((a, b) => a.line - b.line);
    this.logger.log({ file: path, lines: number, ...counts(report), linesPerSecond: rate(number, started), failures: report.failed.slice(0, 20) },
      'import finished');
    return report;
  }

  /**
   * Checks a page's lines as their HTTP handlers would (in the same order: key, references, existence,
   * rules) and creates the streams of those that pass, all in one transaction. Should that fail (a
   * stream created by someone else since the checks, or a line the database refuses), the page is
   * written again line by line, so the failure costs only the line it belongs to.
   */
  private async write(page: readonly PlannedLine[], report: ImportReport): Promise<void> {
    if (page.length === 0) return;
    const [used, unknown, existing] = await Promise.all([
      this.store.usedIdempotencyKeys(page.map((line) => line.idempotencyKey)),
      this.references.check(page.map((line) => line.plan.references)),
      this.store.existingStreams(page.map((line) => line.plan.streamId)),
    ]);
    const creations: StreamCreation[] = [];
    page.forEach((line, i) => {
      if (used.has(line.idempotencyKey) || existing.has(line.plan.streamId)) {
        report.unchanged++;
      } else if (unknown[i]) {
        report.failed.push({ line: line.number, problem: unknown[i].message });
      } else {
        const { streamId, decider, command } = line.plan;
        try {
          const events = decider.decide(command, decider.initialState);
          creations.push({ streamId, events, idempotencyKey: line.idempotencyKey, fingerprint: line.fingerprint, metadata: { recordedBy: 'import' } });
        } catch (error) {
          if (error instanceof AlreadyExistsError) report.unchanged++;
          else report.failed.push({ line: line.number, problem: (error as Error).message });
        }
      }
    });
    try {
      const results = await this.store.createStreams(creations);
      for (const result of results) result.replayed ? report.unchanged++ : report.recorded++;
    } catch (error) {
      if (creations.length <= 1) {
        const line = page.find((l) => l.plan.streamId === creations[0]?.streamId);
        if (line) report.failed.push({ line: line.number, problem: (error as Error).message });
        return;
      }
      this.logger.warn({ lines: creations.length, error: (error as Error).message }, 'a page of the import failed: writing it line by line');
      const again = new Set(creations.map((c) => c.streamId));
      for (const line of page.filter((l) => again.has(l.plan.streamId))) await this.write([line], report);
    }
  }
}

/**
 * Parses and validates one line, and works out what it would create. Synchronously: no request class has
 * an asynchronous rule, so validateSync gives the same answer as validate, without a promise per rule; and
 * through the class's validation plan first, as the HTTP API's pipe does.
 */
function planLine(number: number, text: string): PlannedLine {
  const record: unknown = JSON.parse(text);
  const keys = record && typeof record === 'object' && !Array.isArray(record) ? Object.keys(record) : [];
  const kind = IMPORT_KINDS[keys[0]];
  if (keys.length !== 1 || !kind) throw new Error(`a line must be {"<kind>": {...}} with kind one of ${Object.keys(IMPORT_KINDS).join(', ')}`);
  const body = plainToInstance(kind.request, (record as Record<string, unknown>)[keys[0]]);
  const problems = flattenValidationErrors(validateSyncPlanned(body, { whitelist: true, forbidNonWhitelisted: true }));
  if (problems.length > 0) throw new Error(problems.map((p) => `${keys[0]}.${p.field}: ${p.message}`).join('; '));
  let plan: CreatePlan;
  try {
    plan = kind.plan(body as never);
  } catch (error) {
    if (error instanceof DomainError && error.errors) throw new Error(error.errors.map((e) => `${keys[0]}.${e.field}: ${e.message}`).join('; '));
    throw error;
  }
  const digest = createHash('sha256').update(text.trim()).digest('base64url');
  return { number, plan, idempotencyKey: `import:${digest}`, fingerprint: digest };
}

function counts(report: ImportReport) {
  return { recorded: report.recorded, unchanged: report.unchanged, failed: report.failed.length };
}

function rate(lines: number, started: number): number {
  return Math.round(lines / Math.max(0.001, (Date.now() - started) / 1000));
}
