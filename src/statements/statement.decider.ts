import { AlreadyExistsError, NotFoundError, NothingToCorrectError } from '../common/domain-error.js';
import type { Decider } from '../event-store/decider.js';
import { normalizeConditions, sameConditionText } from './conditions.js';
import { StatementRetractedError } from './statement.errors.js';
import type { StatementEvent, StatementFields } from './statement.events.js';

export interface RecordStatement { type: 'RecordStatement'; id: string; fields: StatementFields }
export interface CorrectStatement { type: 'CorrectStatement'; id: string; changes: Partial<StatementFields>; reason: string }
export interface RetractStatement { type: 'RetractStatement'; id: string; reason: string }
export type StatementCommand = RecordStatement | CorrectStatement | RetractStatement;

export interface StatementOnRecord {
  exists: true;
  id: string;
  fields: StatementFields;
  version: number;
  corrections: number;
  /** When the current version was recorded (the latest event's time). */
  recordedAt: Date;
  retracted: boolean;
  retractionReason: string | null;
}
export type StatementState = { exists: false } | StatementOnRecord;

/** The field order of events and responses, so equal content always serialises to equal JSON. */
export const FIELD_ORDER = ['actorId', 'topicId', 'stance', 'conditions', 'summary', 'quote', 'form', 'statedAt', 'sourceId'] as const;

function normalizeFields(fields: StatementFields): StatementFields {
  const normalized = { ...fields, conditions: normalizeConditions(fields.conditions), quote: fields.quote ?? null };
  return Object.fromEntries(FIELD_ORDER.map((key) => [key, normalized[key]])) as unknown as StatementFields;
}

/** Only what actually differs from the current fields; conditions by their text (see conditions.ts). */
export function changedFields(current: StatementFields, changes: Partial<StatementFields>): Partial<StatementFields> {
  const changed: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) {
    const value = key === 'conditions' && changes.conditions !== undefined ? normalizeConditions(changes.conditions) : changes[key];
    if (value === undefined) continue;
    const same = key === 'conditions' ? sameConditionText(current.conditions, value as string[]) : current[key] === value;
    if (!same) changed[key] = value;
  }
  return changed as Partial<StatementFields>;
}

function requireOpen(state: StatementState, id: string, verb: string): StatementOnRecord {
  if (!state.exists) throw new NotFoundError(`No statement ${id}`);
  if (state.retracted) throw new StatementRetractedError(`Statement ${id} was retracted (${state.retractionReason}); it cannot be ${verb}`);
  return state;
}

export const statementDecider: Decider<StatementCommand, StatementState, StatementEvent> = {
  initialState: { exists: false },

  decide(command, state) {
    switch (command.type) {
      case 'RecordStatement':
        if (state.exists) throw new AlreadyExistsError(`Statement ${command.id} already exists`);
        return [{ type: 'StatementRecorded', data: { id: command.id, ...normalizeFields(command.fields) } }];
      case 'CorrectStatement': {
        const current = requireOpen(state, command.id, 'corrected');
        const changes = changedFields(current.fields, command.changes);
        if (Object.keys(changes).length === 0) throw new NothingToCorrectError(`The correction leaves statement ${command.id} as it is`);
        return [{ type: 'StatementCorrected', data: { id: command.id, changes, reason: command.reason } }];
      }
      case 'RetractStatement':
        requireOpen(state, command.id, 'retracted again');
        return [{ type: 'StatementRetracted', data: { id: command.id, reason: command.reason } }];
    }
  },

  evolve(state, event, { version, recordedAt }) {
    switch (event.type) {
      case 'StatementRecorded': {
        const { id, ...fields } = event.data;
        return { exists: true, id, fields: normalizeFields(fields), version, corrections: 0, recordedAt, retracted: false, retractionReason: null };
      }
      case 'StatementCorrected':
        if (!state.exists) return state;
        return { ...state, fields: { ...state.fields, ...event.data.changes }, version, corrections: state.corrections + 1, recordedAt };
      case 'StatementRetracted':
        if (!state.exists) return state;
        return { ...state, version, recordedAt, retracted: true, retractionReason: event.data.reason };
    }
  },
};
