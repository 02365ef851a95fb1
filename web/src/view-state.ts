/**
 * What the page shows, kept in its URL so that a view can be shared and reloaded: the actors (absent: all;
 * `actor=` alone: none), the topic, the date of the grid (`on`, absent: today), `knownAt`, the search
 * words (`q`), the statement whose details are open, and `live=0` to leave the live stream off.
 */
export interface ViewState {
  actors?: string[];
  topic?: string;
  on?: string;
  knownAt?: string;
  q?: string;
  statement?: string;
  live: boolean;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function readViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const actors = params.getAll('actor');
  const on = params.get('on') ?? '';
  const knownAt = params.get('knownAt') ?? '';
  return {
    actors: actors.length === 0 ? undefined : actors.filter(Boolean),
    topic: params.get('topic') || undefined,
    // A malformed date in a hand-edited URL is ignored rather than sent on to the service.
    on: DAY.test(on) ? on : undefined,
    knownAt: knownAt && !Number.isNaN(Date.parse(knownAt)) ? new Date(knownAt).toISOString() : undefined,
    q: params.get('q')?.trim() || undefined,
    statement: params.get('statement') || undefined,
    live: params.get('live') !== '0',
  };
}

export function viewStateQuery(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.actors) {
    if (state.actors.length === 0) params.append('actor', '');
    for (const actor of state.actors) params.append('actor', actor);
  }
  for (const name of ['topic', 'on', 'knownAt', 'q', 'statement'] as const) {
    const value = state[name];
    if (value) params.set(name, value);
  }
  if (!state.live) params.set('live', '0');
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Today in the reader's own calendar, as the date control shows it. */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
