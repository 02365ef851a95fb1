/** How big a synthetic history is. Registries are the same at every size: only the statements grow. */
export interface HistorySize {
  /** Statements recorded, probes included. */
  readonly statements: number;
  readonly actors: number;
  /** Root topics; each has 5 subtopics with 4 subtopics each (26 topics per root). */
  readonly topicRoots: number;
  readonly sources: number;
  /** Actors whose statements are identical at every size, so growth is measured on the same answers. */
  readonly probeActors: number;
  readonly statementsPerProbe: number;
  /** Share of statements later corrected, and retracted. */
  readonly correctedShare: number;
  readonly retractedShare: number;
}

export const REGISTRIES = { actors: 5_000, topicRoots: 12, sources: 5_000, probeActors: 20, statementsPerProbe: 100 };
export const QUICK_REGISTRIES = { actors: 500, topicRoots: 4, sources: 500, probeActors: 5, statementsPerProbe: 40 };

export function historySize(statements: number, quick: boolean): HistorySize {
  return { statements, ...(quick ? QUICK_REGISTRIES : REGISTRIES), correctedShare: 0.02, retractedShare: 0.005 };
}

/** One event as the bulk loader writes it (the log assigns position, transaction id and time). */
export interface HistoryEvent {
  readonly streamId: string;
  readonly version: number;
  readonly type: string;
  readonly data: object;
}
