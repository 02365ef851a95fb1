import { InvalidEnvironmentError, loadEnvironment } from '../config/environment.js';

describe('security settings in the environment', () => {
  it('given none, then writes are not limited, CORS is off and statements get 30 s', () => {
    const env = loadEnvironment({});
    expect(env).toMatchObject({ WRITE_RATE_LIMIT: 0, WRITE_RATE_WINDOW_MS: 60_000, DATABASE_QUERY_TIMEOUT_MS: 30_000 });
    expect(env.CORS_ORIGINS).toBeUndefined();
  });

  it('given values, then they are taken as numbers and lists', () => {
    expect(loadEnvironment({ WRITE_RATE_LIMIT: '120', WRITE_RATE_WINDOW_MS: '10000', CORS_ORIGINS: 'https://a.example, http://localhost:5173', DATABASE_QUERY_TIMEOUT_MS: '5000' }))
      .toMatchObject({ WRITE_RATE_LIMIT: 120, WRITE_RATE_WINDOW_MS: 10_000, CORS_ORIGINS: 'https://a.example, http://localhost:5173', DATABASE_QUERY_TIMEOUT_MS: 5_000 });
  });

  it.each([
    [{ WRITE_RATE_LIMIT: '-1' }, 'WRITE_RATE_LIMIT'],
    [{ WRITE_RATE_LIMIT: 'lots' }, 'WRITE_RATE_LIMIT'],
    [{ WRITE_RATE_WINDOW_MS: '10' }, 'WRITE_RATE_WINDOW_MS'],
    [{ CORS_ORIGINS: 'ui.example.org' }, 'CORS_ORIGINS'],
    [{ CORS_ORIGINS: 'https://a.example/path' }, 'CORS_ORIGINS'],
    [{ DATABASE_QUERY_TIMEOUT_MS: '0' }, 'DATABASE_QUERY_TIMEOUT_MS'],
  ])('given %j, then the service refuses to start, naming %s', (env, name) => {
    expect(() => loadEnvironment(env)).toThrow(InvalidEnvironmentError);
    expect(() => loadEnvironment(env)).toThrow(name);
  });
});
