import { Presets, SingleBar } from 'cli-progress';

export interface Progress {
  /** `done` of `total` so far (a total that grows is taken as the new total). */
  update(done: number, total?: number): void;
  stop(): void;
}

const LINE_EVERY_MS = 5_000;

/**
 * Progress of a long command on stderr: a bar (done/total, rate, time left) when stderr is a terminal,
 * otherwise a plain line every few seconds (logs and CI keep no bar redraws). stdout stays free for the
 * command's own output.
 */
export function startProgress(label: string, unit: string, total: number): Progress {
  let current = { done: 0, total: Math.max(total, 0) };
  const started = Date.now();
  if (process.stderr.isTTY) {
    const bar = new SingleBar({
      stream: process.stderr,
      format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {rate}/s | {eta_formatted} left`,
      etaBuffer: 50,
      hideCursor: true,
    }, Presets.shades_classic);
    bar.start(current.total, 0, { rate: '0' });
    return {
      update(done, newTotal) {
        current = { done, total: Math.max(newTotal ?? current.total, done) };
        if (current.total !== bar.getTotal()) bar.setTotal(current.total);
        bar.update(done, { rate: rate(done, started) });
      },
      stop: once(() => bar.stop()),
    };
  }
  let lastLine = started;
  const line = () => process.stderr.write(
    `${label}: ${current.done}/${current.total} ${unit} (${rate(current.done, started)}/s, ${Math.round((Date.now() - started) / 1000)} s)\n`);
  return {
    update(done, newTotal) {
      current = { done, total: Math.max(newTotal ?? current.total, done) };
      if (Date.now() - lastLine >= LINE_EVERY_MS) {
        lastLine = Date.now();
        line();
      }
    },
    stop: once(line),
  };
}

function once(action: () => void): () => void {
  let done = false;
  return () => {
    if (!done) action();
    done = true;
  };
}

function rate(done: number, started: number): string {
  const seconds = Math.max((Date.now() - started) / 1000, 0.001);
  return String(Math.round(done / seconds));
}
