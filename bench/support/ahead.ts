/** Setup started ahead of the phase that uses it, and undone once that phase is over. */
export interface Ahead<T> {
  /** The setup's result; a failure of the setup is thrown here, to the phase that needs it. */
  readonly ready: Promise<T>;
  /** Undoes the setup (once, however often it is called); nothing if the setup failed. */
  release(): Promise<void>;
}

/**
 * Starts `setup` now, beside whatever runs next: for setup that takes seconds of waiting on other
 * processes (an initdb, a server's start, a load), run while other setup runs. Never beside a
 * measurement: the caller awaits `ready` before the first one starts. `undo` runs on `release`, which
 * the run also calls when it fails before the phase that would have used the setup.
 */
export function ahead<T>(setup: Promise<T>, undo: (value: T) => Promise<void>): Ahead<T> {
  // Awaited later: a failure meanwhile must not end the process as an unhandled rejection.
  setup.catch(() => undefined);
  let released: Promise<void> | undefined;
  return {
    ready: setup,
    release: () => (released ??= setup.then(undo, () => undefined)),
  };
}
