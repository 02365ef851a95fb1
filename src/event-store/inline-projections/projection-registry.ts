import { Injectable } from '@nestjs/common';
import type { Projection } from './projection.js';

/** Feature modules register their projections here when they start. */
@Injectable()
export class ProjectionRegistry {
  private readonly projections = new Map<string, Projection>();

  register(projection: Projection): void {
    if (this.projections.has(projection.name)) throw new Error(`projection ${projection.name} registered twice`);
    this.projections.set(projection.name, projection);
  }

  all(): Projection[] {
    return [...this.projections.values()];
  }

  /** The projections that handle any of these event types, each wrapped to see only its own types. */
  inlineFor(types: readonly string[]): Projection[] {
    return this.all()
      .filter((p) => p.handles.some((t) => types.includes(t)))
      .map((p) => onlyHandled(p));
  }
}

export function onlyHandled(projection: Projection): Projection {
  return {
    ...projection,
    name: projection.name,
    apply: (events, db) => {
      const handled = events.filter((e) => projection.handles.includes(e.type));
      return handled.length > 0 ? projection.apply(handled, db) : Promise.resolve();
    },
    // One event, which the registry gave it because it handles its type: nothing to leave out.
    applySql: projection.applySql?.bind(projection),
  };
}
