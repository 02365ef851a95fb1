import { parseSoakArguments } from './args.js';

describe('soak arguments', () => {
  it('given no arguments, then it runs three minutes against the local test server', () => {
    expect(parseSoakArguments([])).toEqual({ ok: true, options: expect.objectContaining({
      durationS: 180, workers: 8, sseClients: 3, serverUrl: 'postgres://postgres@127.0.0.1:5432/test',
    }) });
  });

  it('given --quick, then it runs 20 s with fewer workers', () => {
    expect(parseSoakArguments(['--quick'])).toEqual({ ok: true, options: expect.objectContaining({ durationS: 20, workers: 4 }) });
  });

  it('given a duration in minutes and a server from the environment, then both are taken', () => {
    const parsed = parseSoakArguments(['--duration', '5m', '--sse', '0'], { TEST_DATABASE_URL: 'postgres://u@localhost/test_x' });
    expect(parsed).toEqual({ ok: true, options: expect.objectContaining({ durationS: 300, sseClients: 0, serverUrl: 'postgres://u@localhost/test_x' }) });
  });

  it.each([
    [['--duration'], '--duration needs a value'],
    [['--duration', 'soon'], '--duration soon is not a positive number'],
    [['--workers', '0'], '--workers 0 is not a positive number'],
    [['--duration', '2h'], '--duration 2h is not a positive number'],
    [['--duration', '7200'], 'the soak is bounded: --duration is at most 1h'],
    [['--forever', '1'], 'unknown option --forever'],
  ])('given %j, then it refuses: %s', (argv, problem) => {
    expect(parseSoakArguments(argv)).toEqual({ ok: false, problem });
  });
});
