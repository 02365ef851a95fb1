/**
 * A start that the embedded database refuses for a reason the person at the terminal can act on. The
 * service and the command-line tools print its message as one line, without a stack trace.
 */
export class EmbeddedStartRefused extends Error {
  override name = 'EmbeddedStartRefused';
}

/** Another Stanceline service already serves this DATA_DIR. */
export class DataDirectoryInUseError extends EmbeddedStartRefused {
  constructor(readonly dataDir: string, readonly pid: number | undefined) {
    super(`DATA_DIR ${dataDir} is in use by another Stanceline service${pid ? ` (pid ${pid})` : ''}: ` +
      'stop that service or choose another DATA_DIR (the command-line tools can run beside it)');
  }
}
