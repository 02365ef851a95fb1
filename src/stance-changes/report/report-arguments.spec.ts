import { parseReportArguments } from './report-arguments.js';

describe('the report command line', () => {
  it('given every filter, then it reads them as the HTTP query would be read', () => {
    const parsed = parseReportArguments([
      '--actor', 'volodymyr-zelensky', '--actor', 'donald-trump', '--topic', 'ukraine-war', '--from', '2022', '--to', '2025',
      '--kind', 'reversal,shift', '--known-at', '2025-02-05T10:00:00Z', '--format', 'csv', '--output', 'report.csv',
    ]);
    expect(parsed).toEqual({
      ok: true, format: 'csv', output: 'report.csv',
      request: expect.objectContaining({
        actor: ['volodymyr-zelensky', 'donald-trump'], topic: 'ukraine-war', from: '2022', to: '2025', kind: ['reversal', 'shift'], knownAt: '2025-02-05T10:00:00Z',
      }),
    });
  });

  it('given no format, then the report is Markdown', () => {
    expect(parseReportArguments([])).toMatchObject({ ok: true, format: 'markdown' });
  });

  it.each([
    [['--bogus'], /bogus/],
    [['stray'], /positional/i],
    [['--actor', 'Not\u0000A Slug'], /^--actor:/],
    [['--known-at', '2025-02-05'], /^--known-at:/],
    [['--kind', 'flip'], /^--kind:/],
    [['--format', 'xml'], /^--format:/],
    [['--from', '2025-02-30'], /^--from:/],
    [['--output', ''], /^--output:/],
  ])('given %j, then it is refused naming the problem', (argv, problem) => {
    const parsed = parseReportArguments(argv);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok === false && parsed.problems.join('\n')).toMatch(problem);
  });
});
