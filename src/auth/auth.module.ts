import { Global, Logger, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Environment } from '../config/environment.js';
import { ApiKeyGuard } from './api-key.guard.js';
import { KeyRing } from './api-keys.js';
import { loadOrCreateGeneratedKey } from './generated-key.js';

function keyRingFor(env: Environment): KeyRing {
  if (env.API_KEYS) return KeyRing.parse(env.API_KEYS);
  const { key, file, created } = loadOrCreateGeneratedKey(env.DATA_DIR);
  // The key itself is never logged; the message says where it is and how to send it.
  new Logger('Auth').log({ keyFile: file, created, usage: `curl -H "Authorization: Bearer $(cat ${file})" ...` },
    'No API_KEYS configured: writes and admin operations use the generated admin key in keyFile');
  return new KeyRing([{ key, role: 'admin' }]);
}

@Global()
@Module({
  providers: [
    { provide: KeyRing, useFactory: keyRingFor, inject: [Environment] },
    { provide: APP_GUARD, useClass: ApiKeyGuard },
  ],
  exports: [KeyRing],
})
export class AuthModule {}
