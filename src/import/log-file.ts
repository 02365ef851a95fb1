import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;
const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown, max: number) => Number.isSafeInteger(v) && (v as number) >= 1 && (v as number) <= max;

/** What is wrong with one line of an export file (npm run export), or undefined when it is an event. */
export function problemWithLogLine(text: string): string | undefined {
  let e: Record<string, unknown>;
  try {
    e = JSON.parse(text);
  } catch {
    return 'not JSON';
  }
  if (!isObject(e)) return 'not a JSON object';
  if (!isCount(e.position, Number.MAX_SAFE_INTEGER)) return 'position must be a positive integer';
  if (typeof e.transactionId !== 'string' || !/^\d+$/.test(e.transactionId)) return 'transactionId must be a string of digits';
  if (typeof e.streamId !== 'string' || e.streamId === '') return 'streamId must be a non-empty string';
  if (!isCount(e.version, 2 ** 31 - 1)) return 'version must be a positive integer';
  if (typeof e.eventId !== 'string' || !UUID.test(e.eventId)) return 'eventId must be a UUID';
  if (typeof e.type !== 'string' || e.type === '') return 'type must be a non-empty string';
  if (!isCount(e.schemaVersion, 32_767)) return 'schemaVersion must be a positive integer';
  if (!isObject(e.data)) return 'data must be an object';
  if (!isObject(e.metadata)) return 'metadata must be an object';
  if (typeof e.recordedAt !== 'string' || !TIMESTAMP.test(e.recordedAt)) return 'recordedAt must be an ISO 8601 time with its offset';
  return undefined;
}

/** The non-empty lines of a file with their numbers. */
export async function* fileLines(path: string): AsyncGenerator<{ number: number; text: string }> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let number = 0;
  for await (const text of lines) {
    number++;
    if (text.trim() !== '') yield { number, text };
  }
}

/**
 * Checks a whole export file before anything is written: every line an event, in log order (an append's
 * events together, positions not repeated). Answers the number of events, or the problems found.
 */
export async function checkLogFile(path: string): Promise<{ events: number; problems: string[] }> {
  const problems: string[] = [];
  const seenAppends = new Set<string>();
  const seenPositions = new Set<number>();
  let previousAppend: string | undefined;
  let events = 0;
  for await (const { number, text } of fileLines(path)) {
    const problem = problemWithLogLine(text);
    if (problem) {
      problems.push(`line ${number}: ${problem}`);
    } else {
      const { position, transactionId } = JSON.parse(text) as { position: number; transactionId: string };
      if (seenPositions.has(position)) problems.push(`line ${number}: position ${position} appears twice`);
      if (transactionId !== previousAppend && seenAppends.has(transactionId)) {
        problems.push(`line ${number}: the events of transaction ${transactionId} are not together (the file is not in log order)`);
      }
      seenPositions.add(position);
      seenAppends.add(transactionId);
      previousAppend = transactionId;
      events++;
    }
    if (problems.length >= 20) break;
  }
  return { events, problems };
}

/** The events of a checked export file in calls of about `size`, never splitting one append across two. */
export async function* logChunks(path: string, size = 1000): AsyncGenerator<string[]> {
  let chunk: string[] = [];
  let append: string | undefined;
  for await (const { text } of fileLines(path)) {
    const { transactionId } = JSON.parse(text) as { transactionId: string };
    if (chunk.length >= size && transactionId !== append) {
      yield chunk;
      chunk = [];
    }
    chunk.push(text);
    append = transactionId;
  }
  if (chunk.length > 0) yield chunk;
}
