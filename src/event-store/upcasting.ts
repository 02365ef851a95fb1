import type { RecordedEvent } from './recorded-event.js';

/**
 * One step of an event's shape: data written at `from` becomes data of version `from + 1`. Pure: the
 * same data always gives the same result, and nothing is read or written. The stored event never
 * changes; readers see the upcast form.
 */
export interface Upcaster {
  readonly type: string;
  readonly from: number;
  readonly upcast: (data: object) => object;
}

export interface EventVersions {
  /** The schema version new events of this type are written at. */
  current(type: string): number;
  /** The event in the current shape of its type, with that schemaVersion; the same object when it is current. */
  upcast<E extends RecordedEvent>(event: E): E;
}

/** The versions of every event type, from the steps between them; a gap or a repeated step is a bug found at start. */
export function eventVersions(steps: readonly Upcaster[]): EventVersions {
  const byType = new Map<string, Upcaster[]>();
  for (const step of steps) byType.set(step.type, [...(byType.get(step.type) ?? []), step]);
  for (const [type, chain] of byType) {
    chain.sort((a, b) => a.from - b.from);
    chain.forEach((step, i) => {
      if (step.from !== i + 1) throw new Error(`${type}: the upcasters go from versions ${chain.map((s) => s.from).join(', ')}, not 1, 2, ...`);
    });
  }
  const current = (type: string) => (byType.get(type)?.length ?? 0) + 1;
  return {
    current,
    upcast(event) {
      const chain = byType.get(event.type);
      if (!chain || event.schemaVersion >= chain.length + 1) return event;
      let data = event.data as object;
      for (const step of chain.slice(event.schemaVersion - 1)) data = step.upcast(data);
      return { ...event, data, schemaVersion: chain.length + 1 };
    },
  };
}
