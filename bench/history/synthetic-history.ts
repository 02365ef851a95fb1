import type { HistoryEvent, HistorySize } from './history-size.js';
import { Random } from './random.js';
import { makeRegistries, type Registries } from './registries.js';
import { StatementWriter, type StatementBody } from './statements.js';

export const statementId = (n: number) => `st-${n.toString(36)}`;
export const probeStatementId = (k: number, j: number) => `probe-${k}-${j}`;

/** Words no other statement holds: one probe statement in ten says them, so a search for them finds the same at every size. */
export const RARE_WORD = 'quartzite';
export const RARE_PHRASE = 'quartzite quarry';
const withRareWords = (body: StatementBody, j: number): StatementBody => (j % 10 === 0 ? { ...body, summary: `${body.summary} The ${RARE_PHRASE} again.` } : body);

export interface SyntheticHistory {
  readonly size: HistorySize;
  readonly registries: Registries;
  readonly writer: StatementWriter;
  /** The whole history in log order, in chunks of about `chunkSize` events. */
  chunks(chunkSize: number): Generator<HistoryEvent[]>;
}

/**
 * A deterministic history: registries, then statements in the order they were recorded, with probe
 * actors' statements spread evenly through it and corrections and retractions of earlier statements
 * in between. Two histories of different sizes share their registries and their probe statements.
 */
export function syntheticHistory(size: HistorySize): SyntheticHistory {
  const registries = makeRegistries(size);
  const writer = new StatementWriter(registries, size, 2);
  const probeTotal = size.probeActors * size.statementsPerProbe;
  const background = size.statements - probeTotal;
  if (background < 0) throw new Error(`a history of ${size.statements} statements cannot hold ${probeTotal} probe statements`);

  function* chunks(chunkSize: number): Generator<HistoryEvent[]> {
    for (let i = 0; i < registries.events.length; i += chunkSize) yield registries.events.slice(i, i + chunkSize);
    const versions = new Uint8Array(background);
    const stances = new Int8Array(background);
    const retracted = new Uint8Array(background);
    const probeRandoms = Array.from({ length: size.probeActors }, (_, k) => new Random(5_000 + k));
    const probeNext = new Uint16Array(size.probeActors);
    let probesEmitted = 0;
    let chunk: HistoryEvent[] = [];
    const record = (id: string, body: StatementBody) =>
      chunk.push({ streamId: `statement-${id}`, version: 1, type: 'StatementRecorded', data: { id, ...body } });

    for (let n = 0; n < background; n++) {
      const body = writer.next();
      record(statementId(n), body);
      versions[n] = 1;
      stances[n] = StatementWriter.stanceScore(body.stance);
      // Probe statements at evenly spaced points of the history, round robin over the probe actors.
      while (probesEmitted < Math.floor(((n + 1) * probeTotal) / background)) {
        const k = probesEmitted % size.probeActors;
        record(probeStatementId(k, probeNext[k]), withRareWords(writer.probe(k, probeRandoms[k]), probeNext[k]));
        probeNext[k]++;
        probesEmitted++;
      }
      if (n > 0 && writer.chance(size.correctedShare)) {
        const m = writer.below(n);
        if (!retracted[m] && versions[m] < 250) {
          const { event, stance } = writer.correction(statementId(m), ++versions[m], stances[m]);
          stances[m] = stance;
          chunk.push(event);
        }
      }
      if (n > 0 && writer.chance(size.retractedShare)) {
        const m = writer.below(n);
        if (!retracted[m]) {
          retracted[m] = 1;
          chunk.push(writer.retraction(statementId(m), ++versions[m]));
        }
      }
      if (chunk.length >= chunkSize) {
        yield chunk;
        chunk = [];
      }
    }
    if (chunk.length > 0) yield chunk;
  }

  return { size, registries, writer, chunks };
}
