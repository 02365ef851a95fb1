import { InvalidEnvironmentError, loadEnvironment } from '../../config/environment.js';

const PRIMARY = 'postgres://app@primary.internal:5432/stanceline';

describe('read replica settings in the environment', () => {
  it('given none, then there are no replicas, and the waits and bounds have their documented defaults', () => {
    expect(loadEnvironment({})).toMatchObject({ REPLICA_WAIT_MS: 1_000, REPLICA_MAX_LAG_MS: 5_000, REPLICA_CHECK_MS: 500 });
    expect(loadEnvironment({}).DATABASE_READ_URL).toBeUndefined();
  });

  it('given several replicas, then they are taken as one comma-separated list', () => {
    const env = loadEnvironment({ DATABASE_URL: PRIMARY, DATABASE_READ_URL: 'postgres://app@r1:5432/stanceline, postgresql://app@r2/stanceline' });
    expect(env.DATABASE_READ_URL).toBe('postgres://app@r1:5432/stanceline, postgresql://app@r2/stanceline');
  });

  it.each([
    [{ DATABASE_READ_URL: 'postgres://app@r1/stanceline' }, 'needs DATABASE_URL'],
    [{ DATABASE_URL: PRIMARY, DATABASE_READ_URL: 'mysql://r1/stanceline' }, 'DATABASE_READ_URL'],
    [{ DATABASE_URL: PRIMARY, DATABASE_READ_URL: 'postgres://app@r1/stanceline,,' }, 'DATABASE_READ_URL'],
    [{ DATABASE_URL: PRIMARY, DATABASE_READ_URL: 'postgres://r1/s', REPLICA_MAX_LAG_MS: '1000', REPLICA_CHECK_MS: '600' }, 'REPLICA_CHECK_MS'],
    [{ REPLICA_WAIT_MS: '-1' }, 'REPLICA_WAIT_MS'],
    [{ REPLICA_MAX_LAG_MS: 'soon' }, 'REPLICA_MAX_LAG_MS'],
  ])('given %j, then the service refuses to start, naming %s', (env, name) => {
    expect(() => loadEnvironment(env)).toThrow(InvalidEnvironmentError);
    expect(() => loadEnvironment(env)).toThrow(name);
  });
});
