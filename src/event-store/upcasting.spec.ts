import { EVENT_VERSIONS } from './event-versions.js';
import type { RecordedEvent } from './recorded-event.js';
import { eventVersions, type Upcaster } from './upcasting.js';

const stored = (type: string, schemaVersion: number, data: object): RecordedEvent => ({
  position: 7, transactionId: '900', streamId: 's-1', version: 1, eventId: '00000000-0000-4000-8000-000000000001', type, schemaVersion,
  data, metadata: {}, recordedAt: new Date('2025-02-05T10:00:00Z'),
});

describe('event versions', () => {
  const steps: Upcaster[] = [
    { type: 'Said', from: 2, upcast: (d) => ({ ...d, third: true }) },
    { type: 'Said', from: 1, upcast: (d) => ({ ...d, second: true }) },
  ];
  const versions = eventVersions(steps);

  it('given steps 1->2 and 2->3, then new events are written at 3, and a type without steps at 1', () => {
    expect(versions.current('Said')).toBe(3);
    expect(versions.current('Other')).toBe(1);
  });

  it('given an event of version 1, when read, then every step from its version applies in order and it says version 3', () => {
    expect(versions.upcast(stored('Said', 1, { first: true }))).toMatchObject({ schemaVersion: 3, data: { first: true, second: true, third: true }, version: 1 });
    expect(versions.upcast(stored('Said', 2, { first: true })).data).toEqual({ first: true, third: true });
  });

  it('given an event of the current version or of a type without steps, when read, then it is the same event', () => {
    const current = stored('Said', 3, {});
    expect(versions.upcast(current)).toBe(current);
    const other = stored('Other', 1, {});
    expect(versions.upcast(other)).toBe(other);
  });

  it('given an upcast, then the stored event is left as it was', () => {
    const event = stored('Said', 1, { first: true });
    versions.upcast(event);
    expect(event).toMatchObject({ schemaVersion: 1, data: { first: true } });
  });

  it('given steps with a gap, then the registry refuses them at start', () => {
    expect(() => eventVersions([{ type: 'Said', from: 2, upcast: (d) => d }])).toThrow(/Said/);
  });
});

describe('the registered versions (v1.1: provenance)', () => {
  it('given statements and claims, then they are written at version 2, and other events at 1', () => {
    expect(['StatementRecorded', 'StatementCorrected', 'ClaimStated', 'ClaimCorrected'].map(EVENT_VERSIONS.current)).toEqual([2, 2, 2, 2]);
    expect(['StatementRetracted', 'ClaimRetracted', 'ActorRegistered', 'SourceRegistered'].map(EVENT_VERSIONS.current)).toEqual([1, 1, 1, 1]);
  });

  it.each(['StatementRecorded', 'ClaimStated'])('given a %s of version 1, when read, then it names no publication and no place in it', (type) => {
    const v1 = { id: 'x', sourceId: 'interview', quote: null };
    expect(EVENT_VERSIONS.upcast(stored(type, 1, v1))).toMatchObject({ schemaVersion: 2, data: { ...v1, reportedIn: null, locator: null } });
  });

  it.each(['StatementCorrected', 'ClaimCorrected'])('given a %s of version 1, when read, then its changes stand as they were, at version 2', (type) => {
    const v1 = { id: 'x', changes: { summary: 'tighter' }, reason: 'r' };
    expect(EVENT_VERSIONS.upcast(stored(type, 1, v1))).toMatchObject({ schemaVersion: 2, data: v1 });
  });
});
