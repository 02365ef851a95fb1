import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : ['1', 'true', 'yes'].includes(String(value).toLowerCase()) ? true
    : ['0', 'false', 'no', ''].includes(String(value).toLowerCase()) ? false : value;

/** Every environment variable the service reads; README.md documents each. */
export class Environment {
  @IsOptional() @Transform(({ value }) => (value === undefined ? 3000 : Number(value)))
  @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  @IsOptional() @IsString()
  HOST = '127.0.0.1';

  /** A PostgreSQL server; when absent the service runs on embedded PostgreSQL under DATA_DIR. */
  @IsOptional() @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsOptional() @Transform(({ value }) => (value === undefined ? 10 : Number(value)))
  @IsInt() @Min(1) @Max(200)
  DATABASE_POOL_SIZE = 10;

  @IsOptional() @IsString()
  DATA_DIR = './data';

  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** `pretty` (readable lines) or `json` (one JSON object a line); unset: pretty on a terminal, JSON otherwise. */
  @IsOptional() @IsIn(['pretty', 'json'], { message: 'LOG_FORMAT must be pretty or json' })
  LOG_FORMAT: 'pretty' | 'json' = process.stdout.isTTY ? 'pretty' : 'json';

  /** `key:role,key:role` with role reader, editor or admin. */
  @IsOptional() @Matches(/^(\s*[^\s:,]{16,}:(reader|editor|admin)\s*)(,\s*[^\s:,]{16,}:(reader|editor|admin)\s*)*$/, {
    message: 'API_KEYS must be a comma-separated list of key:role (role reader, editor or admin; keys of 16+ characters)',
  })
  API_KEYS?: string;

  @IsOptional() @Transform(toBoolean) @IsBoolean()
  READS_REQUIRE_KEY = false;

  /** Load the seed article into an empty database at start. */
  @IsOptional() @Transform(toBoolean) @IsBoolean()
  SEED_ON_EMPTY = true;

  @IsOptional() @Matches(/^\d+(b|kb|mb)$/i, { message: 'BODY_LIMIT must look like 100kb or 1mb' })
  BODY_LIMIT = '256kb';

  /** How long a statement may run on the server; the client gives up on a silent connection a little later. */
  @IsOptional() @Transform(({ value }) => (value === undefined ? 30_000 : Number(value)))
  @IsInt() @Min(100) @Max(3_600_000)
  DATABASE_QUERY_TIMEOUT_MS = 30_000;

  /** Writes (POST) allowed per API key per window; 0 turns the limit off. */
  @IsOptional() @Transform(({ value }) => (value === undefined ? 0 : Number(value)))
  @IsInt() @Min(0) @Max(1_000_000)
  WRITE_RATE_LIMIT = 0;

  @IsOptional() @Transform(({ value }) => (value === undefined ? 60_000 : Number(value)))
  @IsInt() @Min(1_000) @Max(86_400_000)
  WRITE_RATE_WINDOW_MS = 60_000;

  /** Browser origins allowed to call the API (`https://ui.example.org,http://localhost:5173`, or `*`); none by default. */
  @IsOptional() @Matches(/^\s*(\*|https?:\/\/[^\s,/]+)\s*(,\s*https?:\/\/[^\s,/]+\s*)*$/, {
    message: 'CORS_ORIGINS must be * or a comma-separated list of origins such as https://ui.example.org',
  })
  CORS_ORIGINS?: string;
}

export class InvalidEnvironmentError extends Error {}

export function loadEnvironment(source: NodeJS.ProcessEnv = process.env): Environment {
  const env = plainToInstance(Environment, stripEmpty(source), { exposeDefaultValues: true });
  const problems = validateSync(env, { whitelist: false });
  if (problems.length > 0) {
    const lines = problems.map((p) => `  ${p.property}: ${Object.values(p.constraints ?? {}).join('; ')}`);
    throw new InvalidEnvironmentError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return env;
}

// An exported-but-empty variable (FOO=) means "unset", as most tools treat it.
function stripEmpty(source: NodeJS.ProcessEnv): Record<string, string> {
  const known = Object.keys(new Environment());
  const picked: Record<string, string> = {};
  for (const name of [...known, 'DATABASE_URL', 'API_KEYS', 'CORS_ORIGINS']) {
    const value = source[name];
    if (value !== undefined && value !== '') picked[name] = value;
  }
  return picked;
}
