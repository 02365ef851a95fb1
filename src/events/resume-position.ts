import { InvalidInputError } from '../common/domain-error.js';
import type { EventLogReader } from '../event-store/event-log-reader.js';
import type { LogCheckpoint } from '../event-store/recorded-event.js';

/** A position as clients send it: 0 for the start, or the position of an event they were given. */
export const POSITION = /^\d{1,15}$/;

/**
 * Where to resume after `position`. An unknown position is refused rather than rounded to a neighbour:
 * resuming "near" it could skip or repeat events, which is exactly what a position is there to prevent.
 */
export async function resumeAfter(reader: EventLogReader, position: number, field: string): Promise<LogCheckpoint> {
  const checkpoint = await reader.checkpointAt(position);
  if (!checkpoint) throw new InvalidInputError(field, `${field} ${position} is not the position of an event in the log; send 0 or a position the log gave you`);
  return checkpoint;
}
