import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { GENERATED_KEY_FILE } from './auth/generated-key.js';
import { displayPath } from './common/paths.js';
import type { Environment } from './config/environment.js';
import { Database } from './database/database.js';

/**
 * The one line a person needs once the service is up: where it listens, the API docs, where the admin
 * key is, which database it uses (never a password).
 */
export function readyLine(app: INestApplication, env: Environment): { message: string; fields: Record<string, string> } {
  const { port } = app.getHttpServer().address() as AddressInfo;
  const anyHost = ['0.0.0.0', '::', ''].includes(env.HOST);
  const url = `http://${anyHost ? '127.0.0.1' : env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST}:${port}`;
  const keys = env.API_KEYS ? 'API keys from API_KEYS' : `admin key in ${displayPath(join(env.DATA_DIR, GENERATED_KEY_FILE))}`;
  const database = app.get(Database).description;
  return {
    fields: { url, docs: `${url}/docs`, keys, database },
    message: `Stanceline ready at ${url}${anyHost ? ' (all interfaces)' : ''} - API docs ${url}/docs - ${keys} - ${database}`,
  };
}
